package dev.trailindex.trace;

import dev.trailindex.query.QueryException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a user asked to trace: an access key id, a role-session ARN, an IAM user, root or federated-user ARN, or a
 * principalId. Anything else is a usage error.
 *
 * @param kind  what it is
 * @param value as given (an access key in upper case)
 */
public record Credential(Kind kind, String value) {
    private static final Pattern ACCESS_KEY = Pattern.compile("(?:AKIA|ASIA)[A-Z0-9]{16}");
    private static final Pattern SESSION_ARN = Pattern.compile("arn:aws[a-z-]*:sts::\\d{12}:assumed-role/[^/]+/[^/]+");
    private static final Pattern FEDERATED_ARN = Pattern.compile("arn:aws[a-z-]*:sts::\\d{12}:federated-user/[^/]+");
    private static final Pattern USER_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:user/.+");
    private static final Pattern ROOT_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:root");
    private static final Pattern PRINCIPAL_ID = Pattern.compile("(?:AROA|AIDA)[A-Z0-9]{12,}(?::[\\w+=,.@-]+)?");

    /** The kinds of credential a trace starts from. */
    public enum Kind {
        ACCESS_KEY("accessKey"), SESSION("session"), USER("user"), ROOT("root"), FEDERATED_USER("federatedUser"),
        PRINCIPAL_ID("principalId");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Reads one CREDENTIAL argument. */
    public static Credential parse(String text) {
        String s = text == null ? "" : text.strip();
        if (ACCESS_KEY.matcher(s.toUpperCase(Locale.ROOT)).matches()) {
            return new Credential(Kind.ACCESS_KEY, s.toUpperCase(Locale.ROOT));
        }
        if (SESSION_ARN.matcher(s).matches()) {
            return new Credential(Kind.SESSION, s);
        }
        if (FEDERATED_ARN.matcher(s).matches()) {
            return new Credential(Kind.FEDERATED_USER, s);
        }
        if (USER_ARN.matcher(s).matches()) {
            return new Credential(Kind.USER, s);
        }
        if (ROOT_ARN.matcher(s).matches()) {
            return new Credential(Kind.ROOT, s);
        }
        if (PRINCIPAL_ID.matcher(s).matches()) {
            return new Credential(Kind.PRINCIPAL_ID, s);
        }
        throw new QueryException("'" + s + "' is not an access key id (AKIA..., ASIA...), a role-session, user or "
                + "federated-user ARN, or a principalId (AROA...:session, AIDA...)");
    }

    /** Whether this is one key (else it may stand for several). */
    public boolean isKey() {
        return kind == Kind.ACCESS_KEY;
    }
}
