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

    /**
     * This policy's document without {@code statement}: the revert for an added Deny when the earlier document is not
     * known. Built from the other statements as written, so it is valid JSON whatever the original's formatting.
     */
    public String documentWithout(PolicyStatement statement) {
        StringBuilder document = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        String separator = "";
        for (PolicyStatement kept : statements) {
            if (!kept.equals(statement)) {
                document.append(separator).append(kept.json());
                separator = ",";
            }
        }
        return document.append("]}").toString();
    }

    /** The first statement that denies the action on the resource, if any. */
    public java.util.Optional<PolicyStatement> denying(String action, String resource) {
        return statements.stream().filter(s -> s.denies(action, resource)).findFirst();
    }
}
