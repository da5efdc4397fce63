package io.incidentsupervisor.adapter.aws.diagnosis;

import io.incidentsupervisor.adapter.aws.AwsFailure;
import io.incidentsupervisor.application.port.out.EvidenceUnavailable;
import io.incidentsupervisor.domain.diagnosis.Policy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;

/** Reads a managed policy's current document: {@code GetPolicy} for its default version, then {@code GetPolicyVersion}. */
final class IamPolicies {

    private final IamClient iam;

    IamPolicies(IamClient iam) {
        this.iam = iam;
    }

    Policy managed(String arn, Policy.Kind kind) {
        try {
            String version = iam.getPolicy(b -> b.policyArn(arn)).policy().defaultVersionId();
            String document = iam.getPolicyVersion(b -> b.policyArn(arn).versionId(version))
                    .policyVersion()
                    .document();
            return PolicyDocuments.parse(kind, arn, document);
        } catch (SdkException e) {
            throw unavailable(e);
        }
    }

    /** An SDK failure as evidence that could not be read, classified by the one AWS error taxonomy. */
    static EvidenceUnavailable unavailable(SdkException failure) {
        AwsFailure aws = AwsFailure.of(failure);
        return new EvidenceUnavailable(aws.kind().label(), aws.code(), aws.message(), aws.missingPermission(), failure);
    }
}
