package io.incidentsupervisor.adapter.aws.diagnosis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.incidentsupervisor.adapter.aws.collector.AwsStubs.iamError;
import static io.incidentsupervisor.adapter.aws.collector.AwsStubs.iamOk;
import static io.incidentsupervisor.adapter.aws.collector.AwsStubs.notAuthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.incidentsupervisor.adapter.aws.collector.AwsStubs;
import io.incidentsupervisor.adapter.aws.collector.IamRoleCollectorTest;
import io.incidentsupervisor.adapter.aws.collector.LambdaConfigurationCollectorTest;
import io.incidentsupervisor.application.port.out.EvidenceUnavailable;
import io.incidentsupervisor.domain.diagnosis.Policy;
import io.incidentsupervisor.domain.diagnosis.RoleState;
import io.incidentsupervisor.domain.diagnosis.Simulation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IAM's awsQuery answers, read by the real SDK client: the role, its policies' documents, the simulator. */
class IamRoleEvidenceTest {

    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/service-role/data-processor-role";
    static final String BOUNDARY = "arn:aws:iam::123456789012:policy/dynamodb-only";
    static final String OBJECT = "arn:aws:s3:::orders-prod-eu/in/1.csv";
    static final String BOUNDARY_DOCUMENT =
            "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"dynamodb:*\",\"Resource\":\"*\"}}";

    private final AwsStubs aws = new AwsStubs();
    private final IamRoleEvidence evidence = new IamRoleEvidence(aws.lambda(), aws.iam());

    @BeforeEach
    void serveTheFunction() {
        aws.server.stubFor(get(urlEqualTo(LambdaConfigurationCollectorTest.CONFIGURATION_PATH))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(LambdaConfigurationCollectorTest.CONFIGURATION)));
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void readsTheRoleItsInlineAndManagedDocumentsAndItsBoundary() {
        IamRoleCollectorTest.stubRole(aws.server);
        stubGetRole(aws.server, true);
        AwsStubs.stubManagedPolicy(
                aws.server,
                "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                "v1",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"logs:*\",\"Resource\":\"*\"}]}");
        AwsStubs.stubManagedPolicy(
                aws.server,
                "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
                "v2",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"xray:PutTraceSegments\"],\"Resource\":[\"*\"]}]}");
        AwsStubs.stubManagedPolicy(aws.server, BOUNDARY, "v4", BOUNDARY_DOCUMENT);

        RoleState role = evidence.roleOf("data-processor");

        assertThat(role.roleName()).isEqualTo("data-processor-role");
        assertThat(role.roleArn()).isEqualTo(ROLE_ARN);
        assertThat(role.policies())
                .extracting(Policy::kind, Policy::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Policy.Kind.INLINE, "orders-access"),
                        org.assertj.core.groups.Tuple.tuple(
                                Policy.Kind.MANAGED,
                                "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
                        org.assertj.core.groups.Tuple.tuple(
                                Policy.Kind.MANAGED, "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"),
                        org.assertj.core.groups.Tuple.tuple(Policy.Kind.PERMISSIONS_BOUNDARY, BOUNDARY));
        assertThat(role.policies().get(0).granting("s3:GetObject", OBJECT)).isPresent();
        assertThat(role.policies().get(2).granting("xray:PutTraceSegments", "")).isPresent();
        assertThat(role.policies().get(3).granting("s3:GetObject", OBJECT))
                .as("the boundary allows DynamoDB only")
                .isEmpty();
        assertThat(role.policies().get(3).document()).isEqualTo(BOUNDARY_DOCUMENT);
    }

    @Test
    void aRoleIamWillNotDescribeIsAccessDeniedNamingThePermission() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=GetRole&"))
                .willReturn(iamError(403, "AccessDenied", notAuthorized("iam:GetRole", ROLE_ARN))));

        assertThatThrownBy(() -> evidence.roleOf("data-processor"))
                .isInstanceOfSatisfying(EvidenceUnavailable.class, unavailable -> {
                    assertThat(unavailable.kind()).isEqualTo("AccessDenied");
                    assertThat(unavailable.missingPermission()).isEqualTo("iam:GetRole");
                });
    }

    @Test
    void aThrottledPolicyVersionIsThrottled() {
        IamRoleCollectorTest.stubRole(aws.server);
        stubGetRole(aws.server, false);
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=GetPolicy&"))
                .willReturn(iamOk("GetPolicy", AwsStubs.policy("any", "v1"))));
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=GetPolicyVersion"))
                .willReturn(iamError(400, "Throttling", "Rate exceeded")));

        assertThatThrownBy(() -> evidence.roleOf("data-processor"))
                .isInstanceOfSatisfying(
                        EvidenceUnavailable.class,
                        unavailable -> assertThat(unavailable.kind()).isEqualTo("Throttled"));
    }

    @Test
    void aDeniedPolicyIsAccessDenied() {
        IamRoleCollectorTest.stubRole(aws.server);
        stubGetRole(aws.server, false);
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=GetPolicy&"))
                .willReturn(iamError(403, "AccessDenied", notAuthorized("iam:GetPolicy", "policy"))));

        assertThatThrownBy(() -> evidence.roleOf("data-processor"))
                .isInstanceOfSatisfying(EvidenceUnavailable.class, unavailable -> {
                    assertThat(unavailable.kind()).isEqualTo("AccessDenied");
                    assertThat(unavailable.missingPermission()).isEqualTo("iam:GetPolicy");
                });
    }

    /** Each IAM call the role's state needs, refused or throttled in turn while the calls before it succeed. */
    @ParameterizedTest(name = "{0} answers {2}")
    @CsvSource({
        "GetRole&, iam:GetRole, AccessDenied, 403, AccessDenied",
        "GetRole&, iam:GetRole, Throttling, 400, Throttled",
        "GetPolicy&, iam:GetPolicy, AccessDenied, 403, AccessDenied",
        "GetPolicy&, iam:GetPolicy, Throttling, 400, Throttled",
        "GetPolicyVersion&, iam:GetPolicyVersion, AccessDenied, 403, AccessDenied",
        "GetPolicyVersion&, iam:GetPolicyVersion, Throttling, 400, Throttled"
    })
    void everyRoleCallsRefusalOrThrottlingIsClassified(
            String action, String permission, String code, int status, String kind) {
        IamRoleCollectorTest.stubRole(aws.server);
        stubGetRole(aws.server, true);
        AwsStubs.stubManagedPolicy(
                aws.server, "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", "v1", "{}");
        AwsStubs.stubManagedPolicy(aws.server, "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess", "v1", "{}");
        AwsStubs.stubManagedPolicy(aws.server, BOUNDARY, "v4", BOUNDARY_DOCUMENT);
        aws.server.stubFor(post(urlEqualTo("/"))
                .atPriority(1)
                .withRequestBody(containing("Action=" + action))
                .willReturn(iamError(status, code, notAuthorized(permission, ROLE_ARN))));

        assertThatThrownBy(() -> evidence.roleOf("data-processor"))
                .isInstanceOfSatisfying(EvidenceUnavailable.class, unavailable -> {
                    assertThat(unavailable.kind()).isEqualTo(kind);
                    assertThat(unavailable.code()).isEqualTo(code);
                });
    }

    @Test
    void theRolesAManagedPolicyIsAttachedToAreListedAndARefusalNamesThePermission() {
        String arn = "arn:aws:iam::123456789012:policy/orders-read";
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=ListEntitiesForPolicy"))
                .withRequestBody(containing("EntityFilter=Role"))
                .willReturn(iamOk(
                        "ListEntitiesForPolicy",
                        "<PolicyRoles><member><RoleName>order-exporter-role</RoleName><RoleId>AROA1</RoleId></member>"
                                + "<member><RoleName>invoice-sender-role</RoleName><RoleId>AROA2</RoleId></member>"
                                + "</PolicyRoles><PolicyGroups/><PolicyUsers/><IsTruncated>false</IsTruncated>")));

        assertThat(evidence.rolesUsing(arn, 21)).containsExactly("order-exporter-role", "invoice-sender-role");

        aws.server.stubFor(post(urlEqualTo("/"))
                .atPriority(1)
                .withRequestBody(containing("Action=ListEntitiesForPolicy"))
                .willReturn(iamError(403, "AccessDenied", AwsStubs.notAuthorized("iam:ListEntitiesForPolicy", arn))));
        assertThatThrownBy(() -> evidence.rolesUsing(arn, 21))
                .isInstanceOfSatisfying(
                        EvidenceUnavailable.class,
                        unavailable ->
                                assertThat(unavailable.missingPermission()).isEqualTo("iam:ListEntitiesForPolicy"));
    }

    @Test
    void theSimulatorsDecisionAndMatchedStatementsAreRead() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=SimulatePrincipalPolicy"))
                .withRequestBody(containing("ActionNames.member.1=s3%3AGetObject"))
                .withRequestBody(
                        containing("ResourceArns.member.1=" + URLEncoder.encode(OBJECT, StandardCharsets.UTF_8)))
                .willReturn(iamOk("SimulatePrincipalPolicy", simulation("explicitDeny", "guard"))));

        Simulation simulation = evidence.simulate(ROLE_ARN, "s3:GetObject", OBJECT);

        assertThat(simulation.decision()).isEqualTo("explicitDeny");
        assertThat(simulation.matchedStatements()).containsExactly("guard");
        assertThat(simulation.allowed()).isFalse();
    }

    @Test
    void theSimulatorDeniedOrThrottledIsUnavailable() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=SimulatePrincipalPolicy"))
                .willReturn(iamError(403, "AccessDenied", notAuthorized("iam:SimulatePrincipalPolicy", ROLE_ARN))));
        assertThatThrownBy(() -> evidence.simulate(ROLE_ARN, "s3:GetObject", OBJECT))
                .isInstanceOfSatisfying(
                        EvidenceUnavailable.class,
                        unavailable ->
                                assertThat(unavailable.missingPermission()).isEqualTo("iam:SimulatePrincipalPolicy"));

        aws.server.stubFor(post(urlEqualTo("/"))
                .atPriority(1)
                .withRequestBody(containing("Action=SimulatePrincipalPolicy"))
                .willReturn(iamError(400, "Throttling", "Rate exceeded")));
        assertThatThrownBy(() -> evidence.simulate(ROLE_ARN, "s3:GetObject", ""))
                .isInstanceOfSatisfying(
                        EvidenceUnavailable.class,
                        unavailable -> assertThat(unavailable.kind()).isEqualTo("Throttled"));
    }

    static void stubGetRole(WireMockServer server, boolean withBoundary) {
        server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=GetRole&"))
                .willReturn(iamOk(
                        "GetRole",
                        "<Role><Path>/service-role/</Path><RoleName>data-processor-role</RoleName>"
                                + "<RoleId>AROA4EXAMPLE</RoleId><Arn>" + ROLE_ARN + "</Arn>"
                                + "<CreateDate>2026-01-05T10:00:00Z</CreateDate>"
                                + "<AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%7D</AssumeRolePolicyDocument>"
                                + (withBoundary
                                        ? "<PermissionsBoundary><PermissionsBoundaryType>Policy</PermissionsBoundaryType>"
                                                + "<PermissionsBoundaryArn>" + BOUNDARY + "</PermissionsBoundaryArn>"
                                                + "</PermissionsBoundary>"
                                        : "")
                                + "</Role>")));
    }

    static String simulation(String decision, String matchedPolicy) {
        return "<IsTruncated>false</IsTruncated><EvaluationResults><member><EvalDecision>" + decision
                + "</EvalDecision><MatchedStatements>"
                + (matchedPolicy.isEmpty()
                        ? ""
                        : "<member><SourcePolicyId>" + matchedPolicy + "</SourcePolicyId><SourcePolicyType>IAM Policy"
                                + "</SourcePolicyType></member>")
                + "</MatchedStatements><MissingContextValues/><EvalActionName>s3:GetObject</EvalActionName>"
                + "<EvalResourceName>" + OBJECT + "</EvalResourceName></member></EvaluationResults>";
    }
}
