package io.incidentsupervisor.adapter.aws.diagnosis;

import io.incidentsupervisor.adapter.aws.AwsFailure;
import io.incidentsupervisor.application.port.out.EvidenceUnavailable;
import io.incidentsupervisor.application.port.out.ResourcePolicies;
import io.incidentsupervisor.domain.diagnosis.Policy;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A resource's policy now, from its own service: S3 {@code GetBucketPolicy}, Lambda {@code GetPolicy}. KMS, SQS and SNS
 * policies are not read now: their SDK clients would take the Lambda jar past its 25 MB budget (3.1 MB for S3 left room
 * for nothing more), and their changes' records hold the new policy anyway. The S3 client is built on first use: most
 * denials never need it.
 */
public final class AwsResourcePolicies implements ResourcePolicies {

    private final Supplier<S3Client> s3;
    private final Supplier<LambdaClient> lambda;

    public AwsResourcePolicies(Supplier<S3Client> s3, Supplier<LambdaClient> lambda) {
        this.s3 = s3;
        this.lambda = lambda;
    }

    @Override
    public Policy of(String resourceArn) {
        String[] arn = resourceArn.split(":", 6);
        String service = arn.length < 6 ? "" : arn[2];
        if (!service.equals("s3") && !service.equals("lambda")) {
            throw new EvidenceUnavailable(
                    "Unsupported",
                    "",
                    "the policy of " + resourceArn + " is not read now (S3 buckets' and Lambda functions' are)",
                    "",
                    null);
        }
        String name = arn[5];
        try {
            String document = service.equals("s3")
                    ? s3.get().getBucketPolicy(b -> b.bucket(name)).policy()
                    : lambda.get()
                            .getPolicy(b -> b.functionName(name.substring(name.indexOf(':') + 1)))
                            .policy();
            return document == null || document.isEmpty()
                    ? null
                    : PolicyDocuments.parse(Policy.Kind.MANAGED, resourceArn, document);
        } catch (SdkException e) {
            if (AwsFailure.of(e).kind() == AwsFailure.Kind.NOT_FOUND) {
                return null;
            }
            throw IamPolicies.unavailable(e);
        }
    }
}
