package io.incidentsupervisor.bootstrap.cli.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/** Renders the list and incident pages with the precompiled templates of {@code src/main/jte}, which escape every value. */
public final class Pages {

    private static final String TEMPLATES = "io.incidentsupervisor.bootstrap.cli.web.templates";

    private final TemplateEngine engine =
            TemplateEngine.createPrecompiled(null, ContentType.Html, Pages.class.getClassLoader(), TEMPLATES);
    private final PageStyle style = style();

    public String incident(IncidentView view) {
        return render("incident.jte", Map.of("view", view, "style", style));
    }

    public String causes(CausesView view) {
        return render("causes.jte", Map.of("view", view, "style", style));
    }

    public String list(ListView view) {
        return render("list.jte", Map.of("view", view, "style", style));
    }

    /** The policy each page carries in a meta element, and the server also sends as a header. */
    public String contentSecurityPolicy() {
        return style.csp();
    }

    private String render(String template, Map<String, Object> parameters) {
        StringOutput out = new StringOutput();
        engine.render(template, parameters, out);
        return out.toString();
    }

    private static PageStyle style() {
        try (InputStream in = Pages.class.getResourceAsStream("page.css")) {
            if (in == null) {
                throw new IllegalStateException("page.css is missing from the CLI jar");
            }
            String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String hash = Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8)));
            return new PageStyle(
                    css, "default-src 'none'; style-src 'sha256-" + hash + "'; base-uri 'none'; form-action 'self'");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
