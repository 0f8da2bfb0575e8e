namespace SpeechQa.Training;

/// <summary>The ML.NET multiclass trainers measured for the text classifiers (docs/classifier.md has the figures).</summary>
public enum LinearTrainer
{
    /// <summary>LbfgsMaximumEntropy: multinomial logistic regression by L-BFGS (the shipped choice).</summary>
    Lbfgs,

    /// <summary>SdcaMaximumEntropy: the same model by stochastic dual coordinate ascent.</summary>
    Sdca,
}
