package planted.adapters.adapter.aws;

import planted.adapters.adapter.lambda.LambdaAdapter;

/** Planted: one adapter calls another instead of going through a port. */
public class AwsAdapterCallingLambdaAdapter {
    String call() {
        return LambdaAdapter.handle();
    }
}
