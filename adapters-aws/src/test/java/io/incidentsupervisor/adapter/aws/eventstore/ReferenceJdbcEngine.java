package io.incidentsupervisor.adapter.aws.eventstore;

import io.incidentsupervisor.application.storedevents.StoredForm;
import java.util.UUID;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.HsqlEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.hsqldb.jdbc.JDBCDataSource;

/** Axon's JdbcEventStorageEngine on a private in-memory HSQLDB database, as the tests' and the benchmark's reference. */
final class ReferenceJdbcEngine {

    private ReferenceJdbcEngine() {}

    static JdbcEventStorageEngine inMemoryHsqldb() {
        JDBCDataSource dataSource = new JDBCDataSource();
        dataSource.setURL("jdbc:hsqldb:mem:" + UUID.randomUUID());
        dataSource.setUser("SA");
        Serializer serializer = StoredForm.serializer();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(dataSource::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(new SQLStateResolver())
                .build();
        engine.createSchema(HsqlEventTableFactory.INSTANCE);
        return engine;
    }
}
