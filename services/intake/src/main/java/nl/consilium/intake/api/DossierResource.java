package nl.consilium.intake.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.consilium.intake.api.DossierRequests.ItemChangeRequest;
import nl.consilium.intake.api.DossierRequests.NewItemRequest;
import nl.consilium.intake.service.Dossier;
import nl.consilium.intake.service.DossierService;
import nl.consilium.intake.service.IntakeProblem;
import nl.consilium.platform.problem.Problem;
import nl.consilium.platform.problem.ProblemException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A case's dossier: the checklist of documents requested from the treating hospital, the patient or
 * the GP, and the uploaded documents. Nurses and coordinators read; the nurse holding the case's
 * claim changes; the specialist the consult is booked with lists and downloads the documents (any
 * other specialist gets 404, decided in {@link DossierService}).
 */
@Path("/api/intake/cases/{referralId}/dossier")
public class DossierResource {

    /** The file name a download is offered under: the document id and an extension for its type. */
    private static final Map<String, String> EXTENSIONS = Map.of("application/pdf", "pdf", "image/png", "png",
            "image/jpeg", "jpg", "image/tiff", "tif");

    @Inject
    DossierService dossier;

    @GET
    @Path("/items")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"nurse", "coordinator"})
    public List<Dossier.Item> items(@PathParam("referralId") UUID referralId) {
        return dossier.items(referralId);
    }

    /** One item, with its version as the ETag. */
    @GET
    @Path("/items/{itemId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"nurse", "coordinator"})
    public Response item(@PathParam("referralId") UUID referralId, @PathParam("itemId") UUID itemId) {
        return item(dossier.item(referralId, itemId), Response.Status.OK);
    }

    /** Requests a document: 201 with the new item and its Location. */
    @POST
    @Path("/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("nurse")
    public Response request(@PathParam("referralId") UUID referralId, @NotNull @Valid NewItemRequest request) {
        Dossier.Item item = dossier.request(referralId, request.toNewItem());
        return Response.fromResponse(item(item, Response.Status.CREATED))
                .location(itemUri(referralId, item.itemId())).build();
    }

    /**
     * The requested document arrived. The body is {@code {version?, note?}} (may be {@code {}}); the
     * version the nurse saw comes from {@code If-Match} or the body's {@code version} (409
     * {@code concurrent-modification} when the item changed since; neither: no check).
     */
    @POST
    @Path("/items/{itemId}/received")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("nurse")
    public Response received(@PathParam("referralId") UUID referralId, @PathParam("itemId") UUID itemId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid ItemChangeRequest change) {
        ItemChangeRequest c = change == null ? ItemChangeRequest.EMPTY : change;
        return item(dossier.markReceived(referralId, itemId, expectedVersion(ifMatch, c.version()), c.note()),
                Response.Status.OK);
    }

    /** The dossier can do without the requested document; body and version as for {@code received}. */
    @POST
    @Path("/items/{itemId}/not-needed")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("nurse")
    public Response notNeeded(@PathParam("referralId") UUID referralId, @PathParam("itemId") UUID itemId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid ItemChangeRequest change) {
        ItemChangeRequest c = change == null ? ItemChangeRequest.EMPTY : change;
        return item(dossier.markNotNeeded(referralId, itemId, expectedVersion(ifMatch, c.version()), c.note()),
                Response.Status.OK);
    }

    @GET
    @Path("/documents")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"nurse", "coordinator", "specialist"})
    public List<Dossier.Document> documents(@PathParam("referralId") UUID referralId) {
        return dossier.documents(referralId);
    }

    /**
     * Uploads a document (multipart/form-data): the part {@code file} with its content type, the
     * part {@code title}, and optionally {@code itemId}, the checklist item it fulfils. 201 with the
     * document's description (with its SHA-256) and its Location.
     */
    @POST
    @Path("/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("nurse")
    public Response upload(@PathParam("referralId") UUID referralId, @RestForm("file") FileUpload file,
            @RestForm("title") @NotBlank @Size(max = 200) String title, @RestForm("itemId") UUID itemId) {
        if (file == null || file.uploadedFile() == null) {
            throw new ProblemException("file-missing", "The request is not valid", 400,
                    "Send the document as the multipart part named file");
        }
        Dossier.Document document = dossier.upload(referralId,
                new DossierService.Upload(title, file.contentType(), file.size(), file.uploadedFile(), itemId));
        return Response.created(documentUri(referralId, document.documentId())).entity(document).build();
    }

    /**
     * A document's bytes as stored, in its stored content type, with the SHA-256 as a strong ETag and
     * a generated file name; never sniffed, never cached.
     */
    @GET
    @Path("/documents/{documentId}")
    @RolesAllowed({"nurse", "coordinator", "specialist"})
    public Response download(@PathParam("referralId") UUID referralId, @PathParam("documentId") UUID documentId) {
        DossierService.DocumentContent content = dossier.download(referralId, documentId);
        Dossier.Document document = content.document();
        String fileName = "dossier-document-" + document.documentId() + "."
                + EXTENSIONS.getOrDefault(document.contentType(), "bin");
        return Response.ok(content.data(), document.contentType())
                .header(HttpHeaders.ETAG, "\"" + document.sha256() + "\"")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder()
                        .encodeToString(HexFormat.of().parseHex(document.sha256())) + ":")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private static Response item(Dossier.Item item, Response.Status status) {
        return Response.status(status).entity(item).tag(new EntityTag(String.valueOf(item.version()))).build();
    }

    /**
     * The item version the client saw: {@code If-Match} ({@code "3"}, {@code W/"3"} or {@code 3};
     * {@code *} means any) before the body's {@code version}; null when neither names one.
     */
    static Long expectedVersion(String ifMatch, Long bodyVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return bodyVersion;
        }
        String tag = ifMatch.strip();
        if (tag.equals("*")) {
            return null;
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IntakeProblem("validation-failed", "The request is not valid", 400,
                "Correct the fields listed in errors", Map.of("errors", List.of(
                        new Problem.FieldError("If-Match", "must be the item's version, as its ETag gives it"))));
    }

    private static URI itemUri(UUID referralId, UUID itemId) {
        return UriBuilder.fromPath("/api/intake/cases/{referralId}/dossier/items/{itemId}").build(referralId, itemId);
    }

    private static URI documentUri(UUID referralId, UUID documentId) {
        return UriBuilder.fromPath("/api/intake/cases/{referralId}/dossier/documents/{documentId}")
                .build(referralId, documentId);
    }
}
