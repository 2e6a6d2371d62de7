package eu.herald.subscriptions.webpush.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@code /push/} shows the subscription page ({@code static/push/index.html}); its service worker's scope is {@code /push/}. */
@Configuration(proxyBeanMethods = false)
class PushPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/push", "/push/");
        registry.addViewController("/push/").setViewName("forward:/push/index.html");
    }
}
