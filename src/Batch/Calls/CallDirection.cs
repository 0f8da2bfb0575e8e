namespace SpeechQa.Batch.Calls;

/// <summary>Inbound calls come from customers; outbound calls are callbacks (回访) or notifications.</summary>
public enum CallDirection
{
    Inbound,
    Outbound,
}
