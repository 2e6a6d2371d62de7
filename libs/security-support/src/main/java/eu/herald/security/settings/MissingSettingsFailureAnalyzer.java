package eu.herald.security.settings;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says which environment variables to set instead of a stack trace: the reader is an operator, not a developer. */
class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
        return new FailureAnalysis(
                "This deployment requires settings that are missing or blank: " + String.join(", ", cause.properties())
                        + ".",
                "Set these environment variables (see docs/configuration.md):"
                        + cause.environmentVariables().stream()
                                .map(variable -> "\n    " + variable)
                                .collect(Collectors.joining()),
                cause);
    }
}
