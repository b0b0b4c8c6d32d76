package nl.consilium.intake.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import nl.consilium.events.intake.IntakeReason;

/**
 * Stores the intake reasons as a comma-separated column; the v1 values of before issue 4 are read as
 * their current ones ({@link IntakeReason#current()}).
 */
@Converter
public class ReasonListConverter implements AttributeConverter<List<IntakeReason>, String> {

    @Override
    public String convertToDatabaseColumn(List<IntakeReason> reasons) {
        return reasons == null || reasons.isEmpty() ? null
                : reasons.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public List<IntakeReason> convertToEntityAttribute(String column) {
        return column == null || column.isBlank() ? List.of()
                : Arrays.stream(column.split(",")).map(IntakeReason::valueOf).map(IntakeReason::current).distinct().toList();
    }
}
