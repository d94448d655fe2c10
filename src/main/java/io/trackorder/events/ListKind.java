package io.trackorder.events;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the events of each kind of list name it: the one place that spells a list's event key,
 * CloudEvents {@code source} and {@code subject}, and its event types, both for the events written
 * in Java ({@link EventList}) and for those the order statements write in SQL ({@link ListEvents}).
 * The names are templates over the list's tenant and id, filled in with values or with SQL
 * expressions.
 */
public enum ListKind {

    COLLECTION("collection", "/v1/music/{tenant}/collections/{id}"),
    RELEASE("release", "/releases/{id}");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(tenant|id)}");
    private static final String SUBJECT = "{id}";

    private final String name;
    private final String key;
    private final String source;

    ListKind(String name, String source) {
        this.name = name;
        this.key = name + ":{tenant}/{id}";
        this.source = source;
    }

    /** The full type of the event {@code event} of this kind of list, e.g. {@code io.trackorder.collection.created}. */
    public String type(String event) {
        return "io.trackorder." + name + "." + event;
    }

    /** The names of one list, as values. */
    public EventList list(String tenant, String id) {
        return new EventList(fill(key, tenant, id), type(""), fill(source, tenant, id), fill(SUBJECT, tenant, id));
    }

    /** The SQL expression of the list key, from the SQL expressions of the tenant (as text) and the id (as text). */
    public String keySql(String tenantSql, String idSql) {
        return sql(key, tenantSql, idSql);
    }

    /** The SQL expression of the {@code source}, like {@link #keySql}. */
    public String sourceSql(String tenantSql, String idSql) {
        return sql(source, tenantSql, idSql);
    }

    /** The SQL expression of the {@code subject}, like {@link #keySql}. */
    public String subjectSql(String tenantSql, String idSql) {
        return sql(SUBJECT, tenantSql, idSql);
    }

    private static String fill(String template, String tenant, String id) {
        return String.join("", terms(template, tenant, id, UnaryOperator.identity()));
    }

    private static String sql(String template, String tenantSql, String idSql) {
        return String.join(" || ", terms(template, tenantSql, idSql, text -> "'" + text.replace("'", "''") + "'"));
    }

    /** The template's literal parts, each as {@code literal} makes it, and its placeholders filled in. */
    private static List<String> terms(String template, String tenant, String id, UnaryOperator<String> literal) {
        List<String> terms = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(template);
        int at = 0;
        while (placeholder.find()) {
            if (placeholder.start() > at) {
                terms.add(literal.apply(template.substring(at, placeholder.start())));
            }
            terms.add(placeholder.group(1).equals("tenant") ? tenant : id);
            at = placeholder.end();
        }
        if (at < template.length()) {
            terms.add(literal.apply(template.substring(at)));
        }
        return terms;
    }
}
