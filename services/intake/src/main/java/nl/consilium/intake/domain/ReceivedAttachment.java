package nl.consilium.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;
import nl.consilium.events.referral.DocumentAttachment;

/** An attachment the gateway keeps, as it described it: never the bytes (those stay at the gateway). */
@Embeddable
public class ReceivedAttachment {

    @Column(name = "attachment_id", nullable = false)
    private UUID attachmentId;

    @Column(name = "title")
    private String title;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "sha256")
    private String sha256;

    protected ReceivedAttachment() {
    }

    static ReceivedAttachment of(DocumentAttachment attachment) {
        ReceivedAttachment a = new ReceivedAttachment();
        a.attachmentId = attachment.attachmentId();
        a.title = attachment.title();
        a.contentType = attachment.contentType();
        a.size = attachment.size();
        a.sha256 = attachment.sha256();
        return a;
    }

    public UUID attachmentId() { return attachmentId; }
    public String title() { return title; }
    public String contentType() { return contentType; }
    public long size() { return size; }
    public String sha256() { return sha256; }
}
