package io.incidentsupervisor.infrastructure;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/** The CDK app: {@code cdk synth} / {@code cdk deploy} run it (see {@code cdk.json}); it needs no AWS account to synthesize. */
public final class InfrastructureApp {

    private InfrastructureApp() {}

    public static void main(String[] args) {
        App app = new App();
        new SupervisorStack(
                app,
                SupervisorStack.NAME,
                StackProps.builder()
                        .description("incident-supervisor: investigates Lambda failure alerts")
                        .build(),
                StackConfig.fromContext(app.getNode()));
        app.synth();
    }
}
