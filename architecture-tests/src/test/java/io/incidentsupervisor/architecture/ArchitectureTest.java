package io.incidentsupervisor.architecture;

import static io.incidentsupervisor.architecture.ArchitectureRules.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every rule over the production classes of every module. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void theProductionClassesOfEveryModuleAreImported() {
        assertThat(production.containPackage(ROOT + ".domain.model")).isTrue();
        assertThat(production.containPackage(ROOT + ".domain.budget")).isTrue();
        assertThat(production.containPackage(ROOT + ".application.port.in")).isTrue();
        assertThat(production.containPackage(ROOT + ".adapter.lambda")).isTrue();
        assertThat(production.containPackage(ROOT + ".adapter.mcp")).isTrue();
        assertThat(production.containPackage(ROOT + ".local")).isTrue();
        assertThat(production.containPackage(ROOT + ".infrastructure")).isTrue();
    }

    @Test
    void ringsPointInward() {
        check(ArchitectureRules.onion(ROOT));
    }

    @Test
    void bootstrapIsOutermost() {
        check(ArchitectureRules.bootstrapIsOutermost(ROOT));
    }

    @Test
    void infrastructureIsOutermost() {
        check(ArchitectureRules.infrastructureIsOutermost(ROOT));
    }

    @Test
    void theMcpAdapterReadsOnly() {
        check(ArchitectureRules.mcpReadsOnly(ROOT));
    }

    @Test
    void theDomainIsPlainJava() {
        check(ArchitectureRules.domainPurity(ROOT));
    }

    @Test
    void noGenericExceptions() {
        check(ArchitectureRules.noGenericExceptions());
    }

    @Test
    void noJavaUtilLogging() {
        check(ArchitectureRules.noJavaUtilLogging());
    }

    @Test
    void standardStreamsOnlyInTheCli() {
        check(ArchitectureRules.standardStreamsOnlyInTheCli(ROOT));
    }

    @Test
    void handlersCallPortsOnly() {
        check(ArchitectureRules.handlersCallPortsOnly(ROOT));
    }

    @Test
    void developmentToolsOnlyInTheCli() {
        check(ArchitectureRules.developmentToolsOnlyInTheCli(ROOT));
    }

    private static void check(ArchRule rule) {
        rule.check(production);
    }
}
