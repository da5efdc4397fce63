package io.incidentsupervisor.bootstrap.cli.web;

/**
 * The pages' one stylesheet, inlined so that a written report is one self-contained file, and the Content-Security-Policy
 * that allows exactly that stylesheet (by its hash) and nothing else: no script, no image, no request anywhere.
 */
public record PageStyle(String css, String csp) {}
