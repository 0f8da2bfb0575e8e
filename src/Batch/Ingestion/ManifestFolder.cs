namespace SpeechQa.Batch.Ingestion;

/// <summary>
/// The folder a manifest lives in: audio and transcript paths are relative to it and may not leave it,
/// neither by "..", nor by an absolute path, nor through a symbolic link that points outside.
/// </summary>
public sealed class ManifestFolder(string manifestPath)
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(ResolveLinks(Path.GetDirectoryName(Path.GetFullPath(manifestPath))!));

    public string Root => _root;

    /// <summary>Resolves a manifest path field; null with a reason when it escapes or does not exist.</summary>
    public string? Resolve(string relative, string field, out string? problem)
    {
        problem = null;
        if (Path.IsPathRooted(relative) || relative.Contains('\\', StringComparison.Ordinal) && Path.DirectorySeparatorChar != '\\')
        {
            problem = $"{field} '{relative}' must be a path relative to the manifest's folder";
            return null;
        }
        var full = Path.GetFullPath(Path.Combine(_root, relative));
        if (!IsInside(full))
        {
            problem = $"{field} '{relative}' points outside the manifest's folder";
            return null;
        }
        if (!File.Exists(full))
        {
            problem = $"{field} file '{relative}' does not exist";
            return null;
        }
        var real = ResolveLinks(full);
        if (!IsInside(real))
        {
            problem = $"{field} '{relative}' is a link to a file outside the manifest's folder";
            return null;
        }
        return full;
    }

    private bool IsInside(string path) =>
        path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Follows symbolic links in every component of the path.</summary>
    private static string ResolveLinks(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = Path.GetPathRoot(path) ?? "/";
        foreach (var part in parts)
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is not null)
                    current = target.FullName;
            }
        }
        return current;
    }
}
