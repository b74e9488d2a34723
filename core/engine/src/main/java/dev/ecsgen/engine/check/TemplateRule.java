package dev.ecsgen.engine.check;

/** One group of checks over a whole template. */
public interface TemplateRule {
    void check(TemplateContext context);
}
