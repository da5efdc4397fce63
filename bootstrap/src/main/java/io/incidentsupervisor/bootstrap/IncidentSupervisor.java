package io.incidentsupervisor.bootstrap;

import io.incidentsupervisor.adapter.aws.AwsFailureClassifier;
import io.incidentsupervisor.adapter.aws.diagnosis.AwsResourcePolicies;
import io.incidentsupervisor.adapter.aws.diagnosis.CloudTrailChangeHistory;
import io.incidentsupervisor.adapter.aws.diagnosis.IamRoleEvidence;
import io.incidentsupervisor.adapter.lambda.AlertIntake;
import io.incidentsupervisor.adapter.lambda.AlertMetrics;
import io.incidentsupervisor.adapter.lambda.ScheduledRecoveryHandler;
import io.incidentsupervisor.adapter.lambda.SnsAlertHandler;
import io.incidentsupervisor.adapter.lambda.SqsAlertHandler;
import io.incidentsupervisor.application.AxonRuntime;
import io.incidentsupervisor.application.context.ContextGatherer;
import io.incidentsupervisor.application.diagnosis.Diagnoser;
import io.incidentsupervisor.application.diagnosis.LateEvidence;
import io.incidentsupervisor.application.investigation.IncidentInvestigation;
import io.incidentsupervisor.application.investigation.Recurrences;
import io.incidentsupervisor.application.investigation.StaleRecovery;
import io.incidentsupervisor.application.port.in.HandleAlert;
import io.incidentsupervisor.application.port.in.RecheckChangeEvidence;
import io.incidentsupervisor.application.port.in.RecoverIncident;
import io.incidentsupervisor.application.port.in.RecoverStaleIncidents;
import java.time.Clock;
import java.time.Duration;

/**
 * The whole service wired by hand, once: the {@link Stores}, Axon's command side, the collectors, the use cases and the
 * two Lambda handlers. It hands out ports and handlers, never adapters.
 */
public final class IncidentSupervisor implements AutoCloseable {

    /** With less time than this left when gathering starts, no collector is started. */
    private static final Duration MINIMUM_COLLECTOR_TIME = Duration.ofSeconds(1);
    /** Kept before the deadline for recording what was gathered: two commits and two projection rows. */
    private static final Duration RECORDING_RESERVE = Duration.ofSeconds(5);
    /** Kept after the collectors for the diagnosis's evidence: the role, the simulator, CloudTrail's pages. */
    private static final Duration DIAGNOSIS_SHARE = Duration.ofSeconds(10);
    /** Half a second between CloudTrail pages: LookupEvents allows 2 requests per second. */
    private static final Duration CLOUDTRAIL_PACE = Duration.ofMillis(500);

    /**
     * How long an occurrence waits for the incident holding its episode to be recorded: that incident's claim and its
     * first commit are a few requests apart, so a holder still unrecorded after this died in between.
     */
    private static final Duration CLAIM_GRACE = Duration.ofSeconds(5);

    private final Stores stores;
    private final AxonRuntime axon;
    private final IncidentInvestigation investigation;
    private final StaleRecovery staleRecovery;
    private final LateEvidence lateEvidence;
    private final SnsAlertHandler snsHandler;
    private final SqsAlertHandler sqsHandler;
    private final ScheduledRecoveryHandler recoveryHandler;

    public IncidentSupervisor(Stores stores, AwsClients clients, AlertMetrics metrics) {
        Clock clock = Clock.systemUTC();
        Settings settings = stores.settings();
        this.stores = stores;
        this.axon = AxonRuntime.start(stores.events());
        ContextGatherer gatherer = new ContextGatherer(
                ContextCollectors.registry(clients, settings),
                stores.tokenCounter(),
                clock,
                MINIMUM_COLLECTOR_TIME,
                RECORDING_RESERVE.plus(DIAGNOSIS_SHARE));
        Diagnoser diagnoser = new Diagnoser(
                new IamRoleEvidence(clients.lambda(), clients.iam()),
                new CloudTrailChangeHistory(
                        clients.cloudTrail(), clients.cloudTrailHome(), clients.iam(), CLOUDTRAIL_PACE),
                new AwsResourcePolicies(clients::s3, clients::lambda),
                clock,
                settings.changeLookBack(),
                RECORDING_RESERVE,
                settings.organizationEvents(),
                settings.supervisedFunctions());
        Recurrences recurrences = new Recurrences(
                axon, stores.episodes(), stores.projections(), settings.episodeWindow(), CLAIM_GRACE, clock);
        this.investigation = new IncidentInvestigation(
                axon,
                stores.history(),
                gatherer,
                diagnoser,
                stores.projections(),
                recurrences,
                settings.supervisedFunctions(),
                new AwsFailureClassifier(),
                clock,
                settings.staleThreshold());
        this.staleRecovery = new StaleRecovery(stores.stateTable(), investigation, clock);
        AlertIntake intake = new AlertIntake(investigation, stores.rejectedIntake(), metrics, clock);
        this.snsHandler = new SnsAlertHandler(intake);
        this.sqsHandler = new SqsAlertHandler(intake);
        this.lateEvidence = new LateEvidence(
                stores.stateTable(), stores.history(), diagnoser, axon, stores.projections(), recurrences, clock);
        this.recoveryHandler = new ScheduledRecoveryHandler(staleRecovery, lateEvidence, clock);
    }

    /** The service on its own stores, as a Lambda execution environment runs it. */
    public static IncidentSupervisor start(Settings settings, AwsClients clients, AlertMetrics metrics) {
        return new IncidentSupervisor(new Stores(settings, clients.dynamoDb()), clients, metrics);
    }

    public Stores stores() {
        return stores;
    }

    public HandleAlert handleAlert() {
        return investigation;
    }

    public RecoverIncident recoverIncident() {
        return investigation;
    }

    public RecoverStaleIncidents recoverStale() {
        return staleRecovery;
    }

    public RecheckChangeEvidence recheckChangeEvidence() {
        return lateEvidence;
    }

    public SnsAlertHandler snsHandler() {
        return snsHandler;
    }

    public SqsAlertHandler sqsHandler() {
        return sqsHandler;
    }

    public ScheduledRecoveryHandler recoveryHandler() {
        return recoveryHandler;
    }

    @Override
    public void close() {
        axon.close();
    }
}
