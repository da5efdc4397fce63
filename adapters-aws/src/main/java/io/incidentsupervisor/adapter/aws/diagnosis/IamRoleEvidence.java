package io.incidentsupervisor.adapter.aws.diagnosis;

import io.incidentsupervisor.application.port.out.RoleEvidence;
import io.incidentsupervisor.domain.diagnosis.Policy;
import io.incidentsupervisor.domain.diagnosis.RoleState;
import io.incidentsupervisor.domain.diagnosis.Simulation;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PolicyRole;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Statement;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The role's state from IAM: the function's role ({@code GetFunctionConfiguration}), its permissions boundary
 * ({@code GetRole}), every inline policy ({@code ListRolePolicies}, {@code GetRolePolicy}) and attached managed policy
 * ({@code ListAttachedRolePolicies}, {@code GetPolicy}, {@code GetPolicyVersion}), and the policy simulator
 * ({@code SimulatePrincipalPolicy}), the roles a managed policy is attached to ({@code ListEntitiesForPolicy}, one
 * page), and the role another function runs as ({@code GetFunctionConfiguration}).
 */
public final class IamRoleEvidence implements RoleEvidence {

    private final LambdaClient lambda;
    private final IamClient iam;
    private final IamPolicies policies;

    public IamRoleEvidence(LambdaClient lambda, IamClient iam) {
        this.lambda = lambda;
        this.iam = iam;
        this.policies = new IamPolicies(iam);
    }

    @Override
    public RoleState roleOf(String functionName) {
        try {
            String roleArn = lambda.getFunctionConfiguration(b -> b.functionName(functionName))
                    .role();
            String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
            Role role = iam.getRole(b -> b.roleName(roleName)).role();
            List<Policy> found = new ArrayList<>();
            for (String name :
                    iam.listRolePoliciesPaginator(b -> b.roleName(roleName)).policyNames()) {
                String document = iam.getRolePolicy(b -> b.roleName(roleName).policyName(name))
                        .policyDocument();
                found.add(PolicyDocuments.parse(Policy.Kind.INLINE, name, document));
            }
            for (AttachedPolicy attached : iam.listAttachedRolePoliciesPaginator(b -> b.roleName(roleName))
                    .attachedPolicies()) {
                found.add(policies.managed(attached.policyArn(), Policy.Kind.MANAGED));
            }
            if (role.permissionsBoundary() != null) {
                found.add(policies.managed(
                        role.permissionsBoundary().permissionsBoundaryArn(), Policy.Kind.PERMISSIONS_BOUNDARY));
            }
            return new RoleState(roleName, roleArn, found);
        } catch (SdkException e) {
            throw IamPolicies.unavailable(e);
        }
    }

    @Override
    public String roleNameOf(String functionName) {
        try {
            String roleArn = lambda.getFunctionConfiguration(b -> b.functionName(functionName))
                    .role();
            return roleArn.substring(roleArn.lastIndexOf('/') + 1);
        } catch (SdkException e) {
            throw IamPolicies.unavailable(e);
        }
    }

    @Override
    public Simulation simulate(String roleArn, String action, String resource) {
        try {
            EvaluationResult result = iam.simulatePrincipalPolicy(b -> b.policySourceArn(roleArn)
                            .actionNames(action)
                            .resourceArns(resource.isEmpty() ? "*" : resource))
                    .evaluationResults()
                    .get(0);
            return new Simulation(
                    action,
                    resource,
                    result.evalDecisionAsString(),
                    result.matchedStatements().stream()
                            .map(Statement::sourcePolicyId)
                            .toList());
        } catch (SdkException e) {
            throw IamPolicies.unavailable(e);
        }
    }

    @Override
    public List<String> rolesUsing(String policyArn, int max) {
        try {
            return iam
                    .listEntitiesForPolicy(b ->
                            b.policyArn(policyArn).entityFilter(EntityType.ROLE).maxItems(max))
                    .policyRoles()
                    .stream()
                    .map(PolicyRole::roleName)
                    .toList();
        } catch (SdkException e) {
            throw IamPolicies.unavailable(e);
        }
    }
}
