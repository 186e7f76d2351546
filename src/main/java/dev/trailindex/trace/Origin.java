package dev.trailindex.trace;

/** How a link of a credential chain starts. */
public enum Origin {
    /** Issued by a logged call made with another key: the chain goes on upward. */
    ISSUED("issued"),
    /** An IAM user's long-term key (AKIA): the chain stops, even when its CreateAccessKey is logged. */
    LONG_TERM("long-term"),
    /** The root user's key. */
    ROOT("root"),
    /** A role session from AssumeRoleWithSAML. */
    SAML("saml"),
    /** A role session from AssumeRoleWithWebIdentity. */
    WEB_IDENTITY("web-identity"),
    /** Console credentials: no issuing event; the events say sessionCredentialFromConsole. */
    CONSOLE("console"),
    /** Issued by an AWS service, or an EC2 instance-profile session. */
    SERVICE("service"),
    /** Its issuing event is not in the logs. */
    UNKNOWN("unknown");

    private final String label;

    Origin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
