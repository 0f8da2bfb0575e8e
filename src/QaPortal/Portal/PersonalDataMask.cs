using SpeechQa.Scoring.Privacy;

namespace SpeechQa.QaPortal.Portal;

/// <summary>Masks personal data for roles that do not need it (<see cref="PortalRole.SeesPersonalData"/>), in pages and exports alike.</summary>
public sealed class PersonalDataMask(string role)
{
    public bool Unmasked { get; } = PortalRole.SeesPersonalData(role);

    /// <summary>A number keeping its first three and last four digits (139****4762); short ones fully starred.</summary>
    public string Number(string? value)
    {
        if (string.IsNullOrEmpty(value) || Unmasked)
            return value ?? "";
        return value.Length <= 7 ? new string('*', value.Length) : value[..3] + new string('*', value.Length - 7) + value[^4..];
    }

    /// <summary>Free text (transcript, evidence) with phone, ID, bank card, account and address spans starred.</summary>
    public string Text(string? value) => string.IsNullOrEmpty(value) || Unmasked ? value ?? "" : PersonalDataRecognizer.Mask(value);
}
