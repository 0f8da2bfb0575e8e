namespace SpeechQa.Scoring;

/// <summary>
/// Finds the folders SpeechQa ships beside its code (<c>rules/</c>, <c>models/</c>) when no setting names them: the
/// nearest folder of that name that holds <paramref name="marker"/>, walking up from the program's own folder (a build
/// in <c>out/speechqa/</c> or <c>src/Cli/bin/…</c> finds the checkout's), else the same relative to the working folder.
/// So a command run from any folder uses the install's rules, not whatever `rules/` the current folder has or lacks.
/// </summary>
public static class InstallFolder
{
    /// <summary>The folder, or null when neither the program's ancestors nor the working folder have one with the marker.</summary>
    public static string? Find(string name, string marker)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, name);
            if (Path.Exists(Path.Combine(candidate, marker)))
                return candidate;
        }
        var local = Path.GetFullPath(name);
        return Path.Exists(Path.Combine(local, marker)) ? local : null;
    }
}
