package io.incidentsupervisor.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** Each rule, run over a small planted violation under {@code planted.*}, must fail and name the offender. */
class PlantedViolationsTest {

    private static final String PLANTED = "planted";

    @Test
    void theOnionRuleFailsWhenTheModelSeesTheApplication() {
        assertViolates(ArchitectureRules.onion(PLANTED + ".onion"), PLANTED + ".onion", "ModelCallingApplication");
    }

    @Test
    void theOnionRuleFailsWhenOneAdapterSeesAnother() {
        assertViolates(
                ArchitectureRules.onion(PLANTED + ".adapters"),
                PLANTED + ".adapters",
                "AwsAdapterCallingLambdaAdapter");
    }

    @Test
    void theOnionRuleFailsWhenTheMcpAdapterSeesAnotherAdapter() {
        assertViolates(
                ArchitectureRules.onion(PLANTED + ".adapters"), PLANTED + ".adapters", "McpToolCallingLambdaAdapter");
    }

    @Test
    void thePortsRuleFailsWhenAnMcpToolCallsAUseCase() {
        assertViolates(
                ArchitectureRules.handlersCallPortsOnly(PLANTED + ".ports"), PLANTED + ".ports", "ToolCallingAUseCase");
    }

    @Test
    void theReadOnlyRuleFailsWhenAnMcpToolReachesAWritingPortAndHoldsForAReadingOne() {
        String root = PLANTED + ".readonly";
        assertViolates(ArchitectureRules.mcpReadsOnly(root), root, "ToolHandlingAnAlert");
        assertThat(ArchitectureRules.mcpReadsOnly(root)
                        .evaluate(importPackage(root))
                        .getFailureReport()
                        .toString())
                .as("a reading port is allowed")
                .doesNotContain("ToolListingIncidents");
    }

    @Test
    void theBootstrapRuleFailsWhenAnInnerRingSeesBootstrap() {
        assertViolates(
                ArchitectureRules.bootstrapIsOutermost(PLANTED + ".bootstrap"),
                PLANTED + ".bootstrap",
                "ServiceCallingBootstrap");
    }

    @Test
    void theInfrastructureRuleFailsWhenTheServiceSeesTheStack() {
        assertViolates(
                ArchitectureRules.infrastructureIsOutermost(PLANTED + ".infrastructure"),
                PLANTED + ".infrastructure",
                "WiringReadingTheStack");
    }

    @Test
    void thePurityRuleFailsWhenTheDomainSeesAFramework() {
        assertViolates(ArchitectureRules.domainPurity(PLANTED + ".purity"), PLANTED + ".purity", "ModelUsingAxon");
    }

    @Test
    void theGenericExceptionRuleFailsOnThrowingRuntimeException() {
        assertViolates(ArchitectureRules.noGenericExceptions(), PLANTED + ".coding", "ThrowsGenericException");
    }

    @Test
    void theLoggingRuleFailsOnJavaUtilLogging() {
        assertViolates(ArchitectureRules.noJavaUtilLogging(), PLANTED + ".coding", "UsesJavaUtilLogging");
    }

    @Test
    void theStreamsRuleFailsOutsideTheCliAndHoldsInsideIt() {
        String root = PLANTED + ".streams";
        assertViolates(ArchitectureRules.standardStreamsOnlyInTheCli(root), root, "PrintsOutsideTheCli");
        EvaluationResult result =
                ArchitectureRules.standardStreamsOnlyInTheCli(root).evaluate(importPackage(root));
        assertThat(result.getFailureReport().toString())
                .as("printing from the CLI package is allowed")
                .doesNotContain("PrintsInTheCli");
    }

    @Test
    void thePortsRuleFailsWhenAHandlerCallsAUseCaseAndHoldsForAPort() {
        String root = PLANTED + ".ports";
        assertViolates(ArchitectureRules.handlersCallPortsOnly(root), root, "HandlerCallingAUseCase");
        assertThat(ArchitectureRules.handlersCallPortsOnly(root)
                        .evaluate(importPackage(root))
                        .getFailureReport()
                        .toString())
                .as("calling an incoming port is allowed")
                .doesNotContain("HandlerCallingAPort");
    }

    @Test
    void theDevelopmentToolsRuleFailsOutsideTheCliAndHoldsInsideIt() {
        String root = PLANTED + ".devtools";
        assertViolates(ArchitectureRules.developmentToolsOnlyInTheCli(root), root, "AdapterStartingALocalServer");
        assertThat(ArchitectureRules.developmentToolsOnlyInTheCli(root)
                        .evaluate(importPackage(root))
                        .getFailureReport()
                        .toString())
                .as("the CLI may start local servers")
                .doesNotContain("CliStartingALocalServer");
    }

    private static void assertViolates(ArchRule rule, String plantedPackage, String offender) {
        EvaluationResult result = rule.evaluate(importPackage(plantedPackage));
        assertThat(result.hasViolation())
                .as("rule '%s' must fail on the planted %s", rule.getDescription(), offender)
                .isTrue();
        assertThat(result.getFailureReport().toString()).contains(offender);
    }

    private static JavaClasses importPackage(String packageName) {
        return new ClassFileImporter().importPackages(packageName);
    }
}
