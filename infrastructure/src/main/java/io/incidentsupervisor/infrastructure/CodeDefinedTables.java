package io.incidentsupervisor.infrastructure;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.constructs.Construct;

/** A CDK table declared from the code's own definition: the same name, keys, indexes and projections the code creates. */
final class CodeDefinedTables {

    private CodeDefinedTables() {}

    static Table declare(
            Construct scope,
            String id,
            CreateTableRequest definition,
            java.util.function.Consumer<Table.Builder> extra) {
        Table.Builder builder = Table.Builder.create(scope, id)
                .tableName(definition.tableName())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .removalPolicy(RemovalPolicy.RETAIN)
                .partitionKey(attribute(definition, definition.keySchema(), KeyType.HASH));
        if (definition.keySchema().size() > 1) {
            builder.sortKey(attribute(definition, definition.keySchema(), KeyType.RANGE));
        }
        extra.accept(builder);
        Table table = builder.build();
        definition.globalSecondaryIndexes().forEach(index -> {
            GlobalSecondaryIndexProps.Builder props = GlobalSecondaryIndexProps.builder()
                    .indexName(index.indexName())
                    .partitionKey(attribute(definition, index.keySchema(), KeyType.HASH))
                    .projectionType(ProjectionType.valueOf(index.projection().projectionTypeAsString()));
            if (index.keySchema().size() > 1) {
                props.sortKey(attribute(definition, index.keySchema(), KeyType.RANGE));
            }
            table.addGlobalSecondaryIndex(props.build());
        });
        return table;
    }

    private static Attribute attribute(CreateTableRequest definition, List<KeySchemaElement> keys, KeyType type) {
        String name = keys.stream()
                .filter(k -> k.keyType() == type)
                .findFirst()
                .orElseThrow()
                .attributeName();
        ScalarAttributeType scalar = definition.attributeDefinitions().stream()
                .filter(a -> a.attributeName().equals(name))
                .findFirst()
                .orElseThrow()
                .attributeType();
        return Attribute.builder()
                .name(name)
                .type(
                        switch (scalar) {
                            case S -> AttributeType.STRING;
                            case N -> AttributeType.NUMBER;
                            case B -> AttributeType.BINARY;
                            default -> throw new IllegalArgumentException("No CDK attribute type for " + scalar);
                        })
                .build();
    }
}
