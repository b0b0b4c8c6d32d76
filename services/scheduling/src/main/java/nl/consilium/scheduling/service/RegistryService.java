package nl.consilium.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.consilium.platform.problem.ProblemException;
import nl.consilium.platform.security.CurrentUser;
import nl.consilium.scheduling.domain.ConsultHours;
import nl.consilium.scheduling.domain.Organisation;
import nl.consilium.scheduling.domain.OrganisationKind;
import nl.consilium.scheduling.domain.Specialist;
import nl.consilium.scheduling.domain.Specialty;
import org.jboss.logging.Logger;

/**
 * The specialist registry and its organisations. The coordinator registers and changes specialists
 * and organisations; a specialist reads their own profile and changes only their focus areas,
 * languages and weekly maximum (not the AGB code, which nobody changes, nor the name, BIG number,
 * specialty, organisations or whether they are active: those decide who may see which patient, so
 * the coordinator keeps them). Another specialist's profile answers 404. Every change bumps the
 * registry revision so that every instance's matching snapshot follows.
 */
@ApplicationScoped
public class RegistryService {

    private static final Logger LOG = Logger.getLogger(RegistryService.class);

    @Inject
    CurrentUser user;

    @Inject
    RegistrySnapshots snapshots;

    @Inject
    Clock clock;

    /** A page of the registry. */
    public record SpecialistPage(List<Specialist> specialists, long total) {
    }

    /** What a registration or change of a specialist says. */
    public record SpecialistChange(long version, String name, String big, Specialty specialty, Set<String> focusAreas,
            Set<String> organisationIds, Set<String> languages, int maxConsultsPerWeek, boolean active) {
    }

    // ------------------------------------------------------------------------------------ organisations

    @Transactional
    public List<Organisation> organisations() {
        return Organisation.all();
    }

    @Transactional
    public Organisation organisation(String id) {
        Organisation organisation = Organisation.findById(id);
        if (organisation == null) {
            throw ProblemException.notFound("Organisation " + id);
        }
        return organisation;
    }

    @Transactional
    public Organisation registerOrganisation(String id, String name, OrganisationKind kind, Collection<String> aliases) {
        if (Organisation.findById(id) != null) {
            throw ProblemException.conflict("organisation-exists", "An organisation with id " + id + " exists");
        }
        requireNameFree(name, null);
        Organisation organisation = Organisation.register(id, name, kind, aliases);
        organisation.persist();
        snapshots.changed();
        return organisation;
    }

    @Transactional
    public Organisation changeOrganisation(String id, long version, String name, OrganisationKind kind,
            Collection<String> aliases) {
        Organisation organisation = organisation(id);
        requireVersion(organisation.version(), version);
        requireNameFree(name, id);
        organisation.describe(name, kind, aliases);
        snapshots.changed();
        return organisation;
    }

    private static void requireNameFree(String name, String exceptId) {
        String normalised = Organisation.normalise(name);
        boolean taken = Organisation.all().stream()
                .anyMatch(o -> !o.id().equals(exceptId) && Organisation.normalise(o.name()).equals(normalised));
        if (taken) {
            throw ProblemException.conflict("organisation-name-in-use", "Another organisation has that name");
        }
    }

    // ------------------------------------------------------------------------------------ specialists

    @Transactional
    public SpecialistPage specialists(Specialty specialty, Boolean active, int page, int size) {
        String code = specialty == null ? null : specialty.code();
        return new SpecialistPage(Specialist.page(code, active, page, size), Specialist.count(code, active));
    }

    /** A specialist's profile: any for the coordinator, only their own for a specialist (others: 404). */
    @Transactional
    public Specialist specialist(String agb) {
        Specialist specialist = Specialist.findById(agb);
        if (specialist == null || !mayRead(agb)) {
            throw ProblemException.notFound("Specialist " + agb);
        }
        return specialist;
    }

    /** The calling specialist's own profile (by the token's {@code agb} claim). */
    @Transactional
    public Specialist me() {
        return specialist(user.agb().orElseThrow(() -> ProblemException.notFound("Your specialist profile")));
    }

    /** Registers an active specialist (no consult hours yet). */
    @Transactional
    public Specialist register(String agb, SpecialistChange profile) {
        if (Specialist.findById(agb) != null) {
            throw ProblemException.conflict("specialist-exists", "A specialist with AGB code " + agb + " is registered");
        }
        requireBigFree(profile.big(), null);
        requireOrganisations(profile.organisationIds());
        Specialist specialist = Specialist.register(agb, toProfile(profile), clock.instant());
        if (!profile.active()) {
            specialist.deactivate(clock.instant());
        }
        specialist.persist();
        ConsultHours.none(agb).persist();
        snapshots.changed();
        LOG.infof("Specialist %s registered (%s)", agb, profile.specialty().code());
        return specialist;
    }

    /**
     * Changes a profile, if {@code version} is still the current one (else 409). The coordinator
     * changes everything but the AGB code; a specialist only their own focus areas, languages and
     * weekly maximum: a different value for any other field answers 403 {@code not-editable}.
     */
    @Transactional
    public Specialist change(String agb, SpecialistChange change) {
        Specialist specialist = specialist(agb);
        requireVersion(specialist.version(), change.version());
        if (user.hasRole("coordinator")) {
            requireBigFree(change.big(), agb);
            requireOrganisations(change.organisationIds());
            specialist.change(toProfile(change), clock.instant());
            if (change.active()) {
                specialist.activate(clock.instant());
            } else {
                specialist.deactivate(clock.instant());
            }
        } else {
            List<String> notEditable = new ArrayList<>();
            if (!Objects.equals(specialist.name(), change.name() == null ? null : change.name().strip())) {
                notEditable.add("name");
            }
            if (!Objects.equals(specialist.big(), change.big())) {
                notEditable.add("big");
            }
            if (!Objects.equals(specialist.specialty(), change.specialty().code())) {
                notEditable.add("specialty");
            }
            if (!specialist.organisationIds().equals(new TreeSet<>(change.organisationIds()))) {
                notEditable.add("organisations");
            }
            if (specialist.active() != change.active()) {
                notEditable.add("active");
            }
            if (!notEditable.isEmpty()) {
                throw ProblemException.forbidden("not-editable", "Only the coordinator changes " + String.join(", ",
                        notEditable) + "; you may change focusAreas, languages and maxConsultsPerWeek");
            }
            specialist.changeOwnPreferences(change.focusAreas(), change.languages(), change.maxConsultsPerWeek(),
                    clock.instant());
        }
        snapshots.changed();
        return specialist;
    }

    /** No longer matched; booked consults stay (reschedule them by hand). */
    @Transactional
    public Specialist deactivate(String agb) {
        Specialist specialist = specialist(agb);
        if (specialist.deactivate(clock.instant())) {
            snapshots.changed();
            LOG.infof("Specialist %s deactivated", agb);
        }
        return specialist;
    }

    /** The names of these organisations (id → name). */
    @Transactional
    public Map<String, String> organisationNames() {
        return Organisation.all().stream().collect(Collectors.toMap(Organisation::id, Organisation::name));
    }

    boolean mayRead(String agb) {
        return user.hasRole("coordinator") || user.agb().map(agb::equals).orElse(false);
    }

    private static Specialist.Profile toProfile(SpecialistChange change) {
        return new Specialist.Profile(change.name(), change.big(), change.specialty(), change.focusAreas(),
                change.organisationIds(), change.languages(), change.maxConsultsPerWeek());
    }

    private static void requireBigFree(String big, String exceptAgb) {
        if (Specialist.bigInUse(big, exceptAgb)) {
            throw ProblemException.conflict("big-in-use", "Another specialist has BIG number " + big);
        }
    }

    private static void requireOrganisations(Collection<String> ids) {
        List<String> unknown = ids.stream().filter(id -> Organisation.findById(id) == null).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.unprocessable("unknown-organisation", "Unknown organisation(s): " + unknown);
        }
    }

    static void requireVersion(long current, long given) {
        if (current != given) {
            throw ProblemException.conflict("concurrent-modification",
                    "The resource was changed while you were changing it; read it again and retry");
        }
    }
}
