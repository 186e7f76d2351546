package dev.trailindex.schema;

/**
 * The fields a credential trace reads, by role, so that the trace engine spells no field name.
 *
 * @param accessKey      the key that signed the call
 * @param issuedKey      the key a successful issuing call created
 * @param issuedTo       who that key acts as (session ARN, principalId, user ARN)
 * @param session        the normalised role or federated session of the caller
 * @param relatedKey     every access key anywhere in the event (mentions)
 * @param principalId    the caller's principalId
 * @param arn            the caller's ARN
 * @param identityType   the caller's identity type
 * @param invokedBy      the service that called on the principal's behalf
 * @param ec2RoleDelivery the instance metadata version that delivered EC2 role credentials
 * @param fromConsole    whether the session's credentials came from the console
 * @param action         the API call
 * @param sharedEventId  the id shared by the copies of one event in several accounts
 * @param account        the account that received the event
 * @param ip             the caller's address
 * @param region         the region of the call
 * @param service        the service called
 * @param error          the error code of a failed call
 * @param federatedProvider the web identity provider of a federated session
 */
public record TraceFields(FieldSpec accessKey, FieldSpec issuedKey, FieldSpec issuedTo, FieldSpec session,
        FieldSpec relatedKey, FieldSpec principalId, FieldSpec arn, FieldSpec identityType, FieldSpec invokedBy,
        FieldSpec ec2RoleDelivery, FieldSpec fromConsole, FieldSpec action, FieldSpec sharedEventId,
        FieldSpec account, FieldSpec ip, FieldSpec region, FieldSpec service, FieldSpec error,
        FieldSpec federatedProvider) {

    static TraceFields of(Schema s) {
        return new TraceFields(s.require("userIdentity.accessKeyId"), s.derived(Derivation.ISSUED_KEY),
                s.derived(Derivation.ISSUED_TO), s.derived(Derivation.SESSION), s.derived(Derivation.RELATED_ACCESS_KEY),
                s.require("userIdentity.principalId"), s.require("userIdentity.arn"), s.require("userIdentity.type"),
                s.require("userIdentity.invokedBy"), s.require("userIdentity.sessionContext.ec2RoleDelivery"),
                s.require("sessionCredentialFromConsole"), s.actionField(), s.require("sharedEventID"),
                s.require("recipientAccountId"), s.require("sourceIPAddress"), s.require("awsRegion"),
                s.require("eventSource"), s.require("errorCode"),
                s.require("userIdentity.sessionContext.webIdFederationData.federatedProvider"));
    }
}
