package io.incidentsupervisor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;

/** The project's architecture rules, each built for a root package so the same rule can be shown failing on planted code. */
final class ArchitectureRules {

    static final String ROOT = "io.incidentsupervisor";

    private ArchitectureRules() {
    }

    /** The rings point inward: adapters → application → ports → model; adapters never see one another. */
    static ArchRule onion(String root) {
        return onionArchitecture()
                .domainModels(root + ".domain.model..")
                .domainServices(root + ".domain.port..")
                .applicationServices(root + ".application..")
                .adapter("aws", root + ".adapter.aws..")
                .adapter("lambda", root + ".adapter.lambda..")
                // Bootstrap wires every ring, adapters included; what it may not be is depended on (bootstrapIsOutermost).
                .ignoreDependency(resideInAPackage(root + ".bootstrap.."), alwaysTrue());
    }

    /** Bootstrap wires everything and is seen by nothing. */
    static ArchRule bootstrapIsOutermost(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".bootstrap..")
                .should().dependOnClassesThat().resideInAPackage(root + ".bootstrap..");
    }

    /** The domain is plain Java: it depends on itself and {@code java..} only. */
    static ArchRule domainPurity(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".domain..", "java..");
    }

    /** Throwing Throwable, Exception or RuntimeException says nothing about what went wrong. */
    static ArchRule noGenericExceptions() {
        return GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
    }

    /** Logging goes through SLF4J. */
    static ArchRule noJavaUtilLogging() {
        return GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
    }

    /** Only the command-line interface talks to standard out and err. */
    static ArchRule standardStreamsOnlyInTheCli(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".bootstrap.cli..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("only the CLI writes to a terminal; everything else logs");
    }

    static List<ArchRule> all(String root) {
        return List.of(onion(root), bootstrapIsOutermost(root), domainPurity(root), noGenericExceptions(), noJavaUtilLogging(),
                standardStreamsOnlyInTheCli(root));
    }
}
