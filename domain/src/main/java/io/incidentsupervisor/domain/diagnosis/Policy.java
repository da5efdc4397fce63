package io.incidentsupervisor.domain.diagnosis;

import java.util.List;
import java.util.Objects;

/**
 * A policy as the diagnosis reads it: where it applies ({@link Kind}), its name (inline) or ARN (managed, boundary), its
 * statements, and the document as AWS returned it (URL-decoded), for a revert.
 */
public record Policy(Kind kind, String name, List<PolicyStatement> statements, String document) {

    public enum Kind {
        INLINE,
        MANAGED,
        PERMISSIONS_BOUNDARY
    }

    public Policy {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        statements = List.copyOf(statements);
        document = document == null ? "" : document;
    }

    /** The first statement that allows the action on the resource, if any. */
    public java.util.Optional<PolicyStatement> granting(String action, String resource) {
        return statements.stream().filter(s -> s.grants(action, resource)).findFirst();
    }

    /** The first statement that denies the action on the resource, if any. */
    public java.util.Optional<PolicyStatement> denying(String action, String resource) {
        return statements.stream().filter(s -> s.denies(action, resource)).findFirst();
    }
}
