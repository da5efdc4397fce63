package io.incidentsupervisor.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;

/** The project's architecture rules, each built for a root package so the same rule can be shown failing on planted code. */
final class ArchitectureRules {

    static final String ROOT = "io.incidentsupervisor";

    private ArchitectureRules() {}

    /** The rings point inward: adapters → application → budget policy → model; adapters never see one another. */
    static ArchRule onion(String root) {
        return onionArchitecture()
                .domainModels(root + ".domain.model..", root + ".domain.diagnosis..")
                .domainServices(root + ".domain.budget..")
                .applicationServices(root + ".application..")
                .adapter("aws", root + ".adapter.aws..")
                .adapter("lambda", root + ".adapter.lambda..")
                .adapter("mcp", root + ".adapter.mcp..")
                // Bootstrap wires every ring, adapters included, and the deployment stack reads the wiring's table
                // definitions;
                // what they may not be is depended on (bootstrapIsOutermost, infrastructureIsOutermost).
                .ignoreDependency(resideInAPackage(root + ".bootstrap.."), alwaysTrue())
                .ignoreDependency(resideInAPackage(root + ".infrastructure.."), alwaysTrue());
    }

    /** Bootstrap wires everything and is seen by nothing but the deployment stack, which takes its settings' defaults. */
    static ArchRule bootstrapIsOutermost(String root) {
        return noClasses()
                .that()
                .resideOutsideOfPackages(root + ".bootstrap..", root + ".infrastructure..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".bootstrap..");
    }

    /** The deployment stack is seen by nothing: the service never depends on how it is deployed. */
    static ArchRule infrastructureIsOutermost(String root) {
        return noClasses()
                .that()
                .resideOutsideOfPackage(root + ".infrastructure..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".infrastructure..");
    }

    /** The driving adapters (Lambda handlers, MCP tools) reach the application through its ports only, never a use case. */
    static ArchRule handlersCallPortsOnly(String root) {
        return noClasses()
                .that()
                .resideInAnyPackage(root + ".adapter.lambda..", root + ".adapter.mcp..")
                .should()
                .dependOnClassesThat(resideInAPackage(root + ".application..")
                        .and(DescribedPredicate.not(resideInAPackage(root + ".application.port..")))
                        .and(DescribedPredicate.not(name(root + ".application.Json"))))
                .because("handlers delegate to incoming ports (and write answers in the one public JSON form); the"
                        + " wiring picks what implements them");
    }

    /** The incoming ports that change state, which no MCP tool may reach: agents read incidents, they never make them. */
    static final List<String> WRITING_PORTS = List.of(
            "HandleAlert",
            "RecordRejectedAlert",
            "RecoverIncident",
            "RecoverStaleIncidents",
            "RecheckChangeEvidence",
            "RebuildProjections");

    /** The MCP adapter is read-only: it depends on no incoming port that changes state. */
    static ArchRule mcpReadsOnly(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + ".adapter.mcp..")
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "a writing incoming port " + WRITING_PORTS,
                        type -> type.getPackageName().equals(root + ".application.port.in")
                                && WRITING_PORTS.contains(type.getSimpleName())))
                .because("the MCP endpoint is reachable by agents, with a role that may only read the tables");
    }

    /** The development tools (DynamoDB Local, the sample account) are reached by the CLI alone, so Lambda never loads them. */
    static ArchRule developmentToolsOnlyInTheCli(String root) {
        return noClasses()
                .that()
                .resideOutsideOfPackages(root + ".local..", root + ".bootstrap.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".local..");
    }

    /** The domain is plain Java: it depends on itself and {@code java..} only. */
    static ArchRule domainPurity(String root) {
        return classes()
                .that()
                .resideInAPackage(root + ".domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(root + ".domain..", "java..");
    }

    /** Throwing Throwable, Exception or RuntimeException says nothing about what went wrong. */
    static ArchRule noGenericExceptions() {
        return GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
    }

    /** Logging goes through SLF4J. */
    static ArchRule noJavaUtilLogging() {
        return GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
    }

    /**
     * Only the command-line interface talks to standard out and err, and the metrics writer, whose Embedded Metric Format
     * lines are no log: Lambda's standard output is where CloudWatch reads them.
     */
    static ArchRule standardStreamsOnlyInTheCli(String root) {
        return noClasses()
                .that()
                .resideOutsideOfPackage(root + ".bootstrap.cli..")
                .and()
                .doNotHaveFullyQualifiedName(root + ".adapter.lambda.EmfAlertMetrics")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because(
                        "only the CLI writes to a terminal, and the metrics writer to where CloudWatch reads its lines;"
                                + " everything else logs");
    }

    static List<ArchRule> all(String root) {
        return List.of(
                onion(root),
                bootstrapIsOutermost(root),
                infrastructureIsOutermost(root),
                domainPurity(root),
                noGenericExceptions(),
                noJavaUtilLogging(),
                standardStreamsOnlyInTheCli(root),
                handlersCallPortsOnly(root),
                mcpReadsOnly(root),
                developmentToolsOnlyInTheCli(root));
    }
}
