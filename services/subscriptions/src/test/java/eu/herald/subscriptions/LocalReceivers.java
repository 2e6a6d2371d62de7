package eu.herald.subscriptions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * Plain http and 127.0.0.1 allowed for webhooks and push services, as in local development: the tests that run
 * a receiver of their own on this machine. One set of properties, so that these tests share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(
        properties = {
            "herald.subscriptions.webhooks.allow-http=true",
            "herald.subscriptions.webhooks.allowed-addresses=127.0.0.1/32",
            "herald.subscriptions.web-push.allowed-addresses=127.0.0.1/32"
        })
public @interface LocalReceivers {}
