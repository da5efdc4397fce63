package io.incidentsupervisor.infrastructure;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/** The stack synthesized once per test JVM, offline, into target/cdk.out where a reviewer can read the template. */
final class SynthesizedStack {

    static final String ACCOUNT_ROLE = "arn:aws:iam::123456789012:role/service-role/data-processor-role";
    /** The role an agent (AWS DevOps Agent, say) assumes to call the MCP endpoint. */
    static final String MCP_CALLER = "arn:aws:iam::123456789012:role/devops-agent-role";

    static final StackConfig CONFIG = new StackConfig(
            List.of("data-processor"),
            List.of(ACCOUNT_ROLE),
            Optional.empty(),
            Optional.of(5),
            StackConfig.Intake.SNS,
            StackConfig.DEFAULT_LAMBDA_JAR,
            List.of(MCP_CALLER),
            Optional.empty(),
            true);

    /** The same choices with {@code -c intake=sqs}. */
    static final StackConfig SQS_CONFIG = new StackConfig(
            CONFIG.supervisedFunctions(),
            CONFIG.supervisedRoleArns(),
            CONFIG.alertTopicArn(),
            CONFIG.reservedConcurrency(),
            StackConfig.Intake.SQS,
            CONFIG.lambdaJar(),
            CONFIG.mcpPrincipals(),
            CONFIG.eventBusArn(),
            CONFIG.chatTopic());

    private static Template template;
    private static Template sqsTemplate;

    private SynthesizedStack() {}

    static synchronized Template template() {
        if (template == null) {
            App app = App.Builder.create().outdir("target/cdk.out").build();
            SupervisorStack stack = new SupervisorStack(
                    app, SupervisorStack.NAME, StackProps.builder().build(), CONFIG);
            app.synth();
            template = Template.fromStack(stack);
        }
        return template;
    }

    static synchronized Template sqsTemplate() {
        if (sqsTemplate == null) {
            sqsTemplate = with(SQS_CONFIG);
        }
        return sqsTemplate;
    }

    static Template with(StackConfig config) {
        App app = new App();
        return Template.fromStack(new SupervisorStack(
                app, SupervisorStack.NAME, StackProps.builder().build(), config));
    }
}
