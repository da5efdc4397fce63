package io.incidentsupervisor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentsupervisor.domain.model.InvalidConfiguration;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void theTokenBudgetIsParsedStrictlyAndNamedWhenWrong() {
        assertThat(Settings.from(environment()).tokenBudget().limit()).isEqualTo(3000);
        assertThat(Settings.from(environment("TOKEN_BUDGET", "0")).tokenBudget().unlimited())
                .isTrue();
        assertThat(Settings.from(environment("TOKEN_BUDGET", " 4000 "))
                        .tokenBudget()
                        .limit())
                .isEqualTo(4000);
        assertThatThrownBy(
                        () -> Settings.from(environment("TOKEN_BUDGET", "-1")).tokenBudget())
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessage("TOKEN_BUDGET must not be negative: -1 (0 means unlimited)");
        assertThatThrownBy(
                        () -> Settings.from(environment("TOKEN_BUDGET", "lots")).tokenBudget())
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessage("TOKEN_BUDGET must be a whole number of tokens (0 for unlimited), not 'lots'");
        assertThatThrownBy(
                        () -> Settings.from(environment("TOKEN_BUDGET", "100")).tokenBudget())
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageStartingWith("TOKEN_BUDGET must be 0 (unlimited) or at least 500");
    }

    private static Map<String, String> environment(String... pairs) {
        Map<String, String> environment = new HashMap<>(
                Map.of("SUPERVISED_FUNCTIONS", "data-processor, report-builder", "AWS_REGION", "eu-west-1"));
        for (int i = 0; i < pairs.length; i += 2) {
            environment.put(pairs[i], pairs[i + 1]);
        }
        return environment;
    }

    @Test
    void defaultsApplyWhenOnlyTheSupervisedFunctionsAreGiven() {
        Settings settings = Settings.from(environment());
        assertThat(settings.supervisedFunctions()).containsExactlyInAnyOrder("data-processor", "report-builder");
        assertThat(settings.tokenBudget().limit()).isEqualTo(3000);
        assertThat(settings.staleThreshold()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.eventsTable()).isEqualTo("incident-supervisor-events");
        assertThat(settings.logGroupOverrides()).isEmpty();
        assertThat(settings.region()).isEqualTo("eu-west-1");
        assertThat(settings.organizationEvents()).isFalse();
        assertThat(settings.episodeWindow().quiet()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.episodesTable()).isEqualTo("incident-supervisor-episodes");
        assertThat(settings.eventBus()).as("nothing publishes lifecycle events").isEmpty();
        assertThat(settings.chatTopicArn()).isEmpty();
    }

    @Test
    void theLifecycleBusAndTheChatTopicAreReadAndABadOneIsNamed() {
        String bus = "arn:aws:events:eu-west-1:123456789012:event-bus/incident-supervisor";
        String topic = "arn:aws:sns:eu-west-1:123456789012:incident-chat";
        assertThat(Settings.from(environment("EVENT_BUS", bus)).eventBus()).isEqualTo(bus);
        assertThat(Settings.from(environment("EVENT_BUS", " incident-supervisor "))
                        .eventBus())
                .isEqualTo("incident-supervisor");
        assertThat(Settings.from(environment("CHAT_TOPIC_ARN", topic)).chatTopicArn())
                .isEqualTo(topic);
        assertThatThrownBy(() -> Settings.from(environment("EVENT_BUS", "my bus!")))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessage("EVENT_BUS is 'my bus!', which is neither an event bus name nor its ARN");
        assertThatThrownBy(() -> Settings.from(environment("CHAT_TOPIC_ARN", "incident-chat")))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessage("CHAT_TOPIC_ARN is 'incident-chat', which is not an SNS topic ARN");
    }

    @Test
    void everyBadValueNamesItsVariable() {
        assertThatThrownBy(() -> Settings.from(environment("TOKEN_BUDGET", "-1")))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageStartingWith("TOKEN_BUDGET ");
        assertThatThrownBy(() -> Settings.from(Map.of("AWS_REGION", "eu-west-1")))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageStartingWith("SUPERVISED_FUNCTIONS ");
        assertThatThrownBy(() -> Settings.from(Map.of("SUPERVISED_FUNCTIONS", "data-processor")))
                .hasMessageStartingWith("AWS_REGION ");
        assertThatThrownBy(() -> Settings.from(environment("AWS_REGION", "Ireland")))
                .hasMessageStartingWith("AWS_REGION is 'Ireland'");
        assertThatThrownBy(() -> Settings.from(environment("SUPERVISED_FUNCTIONS", "ok,not ok")))
                .hasMessageContaining("'not ok'");
        assertThatThrownBy(() -> Settings.from(environment("LOG_GROUP_OVERRIDES", "data-processor:/x")))
                .hasMessageStartingWith("LOG_GROUP_OVERRIDES ");
        assertThatThrownBy(() -> Settings.from(environment("STALE_THRESHOLD", "soon")))
                .hasMessageStartingWith("STALE_THRESHOLD ");
        assertThatThrownBy(() -> Settings.from(environment("STALE_THRESHOLD", "0")))
                .hasMessageStartingWith("STALE_THRESHOLD must be positive");
        assertThatThrownBy(() -> Settings.from(environment("ORGANIZATION_EVENTS", "yes")))
                .hasMessageStartingWith("ORGANIZATION_EVENTS must be true or false, not 'yes'");
        assertThat(Settings.from(environment("ORGANIZATION_EVENTS", "true")).organizationEvents())
                .isTrue();
        assertThatThrownBy(() -> Settings.from(environment("EPISODE_WINDOW", "P2D")))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageStartingWith("EPISODE_WINDOW is out of range")
                .hasMessageContaining("at most PT24H");
        assertThatThrownBy(() -> Settings.from(environment("EPISODE_WINDOW", "0")))
                .hasMessageStartingWith("EPISODE_WINDOW must be positive");
        assertThatThrownBy(() -> Settings.from(environment("EPISODE_WINDOW", "a while")))
                .hasMessageStartingWith("EPISODE_WINDOW must be whole seconds or an ISO-8601 duration");
        assertThat(Settings.from(environment("EPISODE_WINDOW", "PT5M"))
                        .episodeWindow()
                        .quiet())
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void overridesAndDurationsAreRead() {
        Settings settings = Settings.from(environment(
                "LOG_GROUP_OVERRIDES",
                "data-processor=/custom/orders, report-builder=/x/y",
                "STALE_THRESHOLD",
                "900",
                "LOG_WINDOW_BEFORE",
                "PT5M",
                "TOKEN_BUDGET",
                "0",
                "CHANGE_LOOK_BACK",
                "PT6H"));
        assertThat(settings.logGroupOverrides())
                .isEqualTo(Map.of("data-processor", "/custom/orders", "report-builder", "/x/y"));
        assertThat(settings.staleThreshold()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.logWindowBefore()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.tokenBudget().unlimited()).isTrue();
        assertThat(settings.changeLookBack()).isEqualTo(Duration.ofHours(6));
        assertThat(Settings.from(environment()).changeLookBack()).isEqualTo(Duration.ofHours(24));
        assertThatThrownBy(() -> Settings.from(environment("CHANGE_LOOK_BACK", "yesterday")))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageStartingWith("CHANGE_LOOK_BACK must be whole seconds or an ISO-8601 duration");
    }
}
