package eu.herald.catalogue;

/** Request bodies for the session API, close to the EURegionsWeek networking session. */
public final class SessionJson {

    public static final String JOIN_LINK =
            "https://eu.app.swapcard.com/event/euregionsweek-2022/planning/UGxhbm5pbmdfOTYwNDk4";

    private SessionJson() {}

    /** A valid session; each argument replaces one part of it. */
    public static String networking(String start, String end, String platform, String extraFields) {
        return """
                {
                  "eventId": "3d6f2b8e-1c4a-4e7b-8f2d-9a0b1c2d3e40",
                  "defaultLanguage": "en",
                  "title": {
                    "en": "Networking of cities and municipalities as a way to transfer knowledge and innovation",
                    "pl": "Sieciowanie miast i gmin sposobem na transfer wiedzy i innowacji"
                  },
                  "start": "%s",
                  "end": "%s",
                  "zone": "Europe/Warsaw",
                  "format": "ONLINE",
                  "platform": "%s",
                  "joinLink": "%s",
                  "registrationLink": "%s",
                  "languages": ["en"],
                  "themes": ["territorial-cohesion"]%s
                }
                """.formatted(start, end, platform, JOIN_LINK, JOIN_LINK, extraFields);
    }

    public static String networking() {
        return networking("2022-10-11T16:30", "2022-10-11T18:00", "Zoom", "");
    }
}
