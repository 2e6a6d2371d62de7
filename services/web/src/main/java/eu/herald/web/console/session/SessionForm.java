package eu.herald.web.console.session;

import eu.herald.web.api.ApiProblem;
import eu.herald.web.console.Session;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The main fields of a session as the edit form shows them, with the version they were read at. A JavaBean, so that
 * a service's field errors can be put next to its fields; what the operator typed survives every refusal.
 */
public class SessionForm {

    private static final Map<String, String> API_FIELDS =
            Map.of("title.en", "titleEn", "title.pl", "titlePl", "title.pt", "titlePt");

    private int version;
    private String titleEn = "";
    private String titlePl = "";
    private String titlePt = "";
    private String start = "";
    private String end = "";
    private String zone = "";
    private String format = "";
    private String venue = "";
    private String platform = "";
    private String joinLink = "";
    private List<String> themes = new ArrayList<>();
    private List<String> themesRead = new ArrayList<>();

    static SessionForm of(Session session) {
        SessionForm form = new SessionForm();
        form.version = session.version();
        form.titleEn = session.title().getOrDefault("en", "");
        form.titlePl = session.title().getOrDefault("pl", "");
        form.titlePt = session.title().getOrDefault("pt", "");
        form.start = session.start().toString();
        form.end = session.end().toString();
        form.zone = session.zone();
        form.format = orEmpty(session.format());
        form.venue = orEmpty(session.venue());
        form.platform = orEmpty(session.platform());
        form.joinLink = orEmpty(session.joinLink());
        form.themes = new ArrayList<>(session.themes());
        form.themesRead = new ArrayList<>(session.themes());
        return form;
    }

    /**
     * The form as a JSON merge patch of the session: a blank field removes what it names (a title in one language,
     * the venue), and the themes are replaced whole, in the order the session had them (the checkboxes list them in
     * the taxonomy's order, and another order would be a change). What did not change changes nothing.
     */
    Map<String, @Nullable Object> patch() {
        Map<String, @Nullable Object> title = new LinkedHashMap<>();
        title.put("en", blankToNull(titleEn));
        title.put("pl", blankToNull(titlePl));
        title.put("pt", blankToNull(titlePt));
        Map<String, @Nullable Object> patch = new LinkedHashMap<>();
        patch.put("title", title);
        patch.put("start", blankToNull(start));
        patch.put("end", blankToNull(end));
        patch.put("zone", blankToNull(zone));
        patch.put("format", blankToNull(format));
        patch.put("venue", blankToNull(venue));
        patch.put("platform", blankToNull(platform));
        patch.put("joinLink", blankToNull(joinLink));
        patch.put("themes", themesInOrderRead());
        return patch;
    }

    private List<String> themesInOrderRead() {
        List<String> ordered = new ArrayList<>(themesRead);
        ordered.retainAll(themes);
        themes.stream().filter(theme -> !ordered.contains(theme)).forEach(ordered::add);
        return ordered;
    }

    /** The catalogue names a title's language {@code title.pl}; the form's field for it is {@code titlePl}. */
    static ApiProblem onTheForm(ApiProblem problem) {
        List<ApiProblem.FieldError> errors = problem.errors().stream()
                .map(error -> new ApiProblem.FieldError(
                        API_FIELDS.getOrDefault(error.field(), error.field()), error.message()))
                .toList();
        return new ApiProblem(problem.status(), problem.title(), problem.detail(), errors);
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public void setTitleEn(String titleEn) {
        this.titleEn = titleEn;
    }

    public String getTitlePl() {
        return titlePl;
    }

    public void setTitlePl(String titlePl) {
        this.titlePl = titlePl;
    }

    public String getTitlePt() {
        return titlePt;
    }

    public void setTitlePt(String titlePt) {
        this.titlePt = titlePt;
    }

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    public String getEnd() {
        return end;
    }

    public void setEnd(String end) {
        this.end = end;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getVenue() {
        return venue;
    }

    public void setVenue(String venue) {
        this.venue = venue;
    }

    public String getPlatform() {
        return platform;
    }

    public void setPlatform(String platform) {
        this.platform = platform;
    }

    public String getJoinLink() {
        return joinLink;
    }

    public void setJoinLink(String joinLink) {
        this.joinLink = joinLink;
    }

    public List<String> getThemes() {
        return themes;
    }

    public void setThemes(List<String> themes) {
        this.themes = themes;
    }

    public List<String> getThemesRead() {
        return themesRead;
    }

    public void setThemesRead(List<String> themesRead) {
        this.themesRead = themesRead;
    }
}
