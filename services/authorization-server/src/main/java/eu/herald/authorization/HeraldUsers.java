package eu.herald.authorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The people who sign in: the users of the configuration, with the passwords of
 * {@code user-passwords.properties} in the secrets folder.
 */
@Configuration(proxyBeanMethods = false)
class HeraldUsers {

    @Bean
    InMemoryUserDetailsManager users(AuthorizationServerProperties properties, PasswordEncoder encoder) {
        if (properties.users().isEmpty()) {
            return new InMemoryUserDetailsManager();
        }
        var folder = new AuthorizationSecretsFolder(properties.secrets());
        Properties passwords = folder.userPasswords();
        List<UserDetails> users = new ArrayList<>();
        properties.users().forEach((name, user) -> {
            if ((user.role() == Role.CLERK) != (user.municipalityId() != null)) {
                throw new IllegalStateException("user " + name + ": a clerk, and only a clerk, has a municipality-id");
            }
            String password = folder.required(passwords, AuthorizationSecretsFolder.USER_PASSWORDS, name, "password");
            users.add(User.withUsername(name)
                    .password(encoder.encode(password))
                    .roles(user.role().name())
                    .build());
        });
        return new InMemoryUserDetailsManager(users);
    }
}
