package nl.consilium.calendar;

/**
 * The days that are not working days although they fall on a weekday: the public holidays of the
 * Algemene termijnenwet (Good Friday treated the same) and the organisation's own closing days.
 */
public enum HolidayKind {
    /** 1 January. */
    NEW_YEARS_DAY("Nieuwjaarsdag", "New Year's Day"),
    /** Easter − 2; employers differ on it, so it can be dropped. */
    GOOD_FRIDAY("Goede Vrijdag", "Good Friday"),
    /** Easter + 1. */
    EASTER_MONDAY("Tweede Paasdag", "Easter Monday"),
    /** 27 April, or 26 April when the 27th is a Sunday. */
    KINGS_DAY("Koningsdag", "King's Day"),
    /** 5 May, every year under the Algemene termijnenwet; employers differ on it, so it can be dropped. */
    LIBERATION_DAY("Bevrijdingsdag", "Liberation Day"),
    /** Easter + 39 (a Thursday). */
    ASCENSION_DAY("Hemelvaartsdag", "Ascension Day"),
    /** Easter + 50. */
    WHIT_MONDAY("Tweede Pinksterdag", "Whit Monday"),
    /** 25 December. */
    CHRISTMAS_DAY("Eerste Kerstdag", "Christmas Day"),
    /** 26 December. */
    BOXING_DAY("Tweede Kerstdag", "Boxing Day"),
    /** A day the organisation is closed: configured as a date or as a month-day that recurs every year. */
    CLOSING_DAY("Sluitingsdag", "Closing day");

    private final String dutchName;
    private final String englishName;

    HolidayKind(String dutchName, String englishName) {
        this.dutchName = dutchName;
        this.englishName = englishName;
    }

    /** The Dutch name, e.g. {@code Tweede Paasdag}. */
    public String dutchName() {
        return dutchName;
    }

    /** The English name, e.g. {@code Easter Monday}. */
    public String englishName() {
        return englishName;
    }

    /** Whether this is a public holiday (every kind but {@link #CLOSING_DAY}). */
    public boolean isPublicHoliday() {
        return this != CLOSING_DAY;
    }
}
