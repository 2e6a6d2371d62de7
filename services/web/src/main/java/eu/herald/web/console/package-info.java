/**
 * The operator console: the programme's events and sessions, editing a session with a preview of what its
 * recipients will be told and how many it reaches, publishing and cancelling, the fan-out of a change followed live,
 * dead deliveries with their replay, and the audit trail. This package holds what its pages share: the services'
 * answers as the console reads them, and how it shows times.
 */
@NullMarked
package eu.herald.web.console;

import org.jspecify.annotations.NullMarked;
