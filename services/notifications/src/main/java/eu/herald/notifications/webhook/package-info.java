/**
 * The webhook notifier (Standard Webhooks v1): posts each delivery as a CloudEvent in structured mode, signed with
 * the endpoint's derived secret (and the previous one during a rotation's grace period), through the SSRF guard
 * of {@code eu.herald.egress}, and tells success, permanent failure, a gone endpoint and "try later" apart.
 */
@NullMarked
package eu.herald.notifications.webhook;

import org.jspecify.annotations.NullMarked;
