using System.Text;
using SpeechQa.Batch.Settings;

namespace SpeechQa.Cli;

/// <summary>The settings every command reads (environment variables, checked at start), as `speechqa serve --help` lists them.</summary>
internal static class SettingsHelp
{
    public static IReadOnlyList<SettingsCatalog.Setting> All { get; } =
    [
        new(GlobalOptions.DatabaseVariable, GlobalOptions.DefaultDatabase, "存储：SQLite 文件或 PostgreSQL 连接串（--db 优先） the store: a SQLite file or a PostgreSQL connection string (--db wins)"),
        .. SettingsCatalog.Of(typeof(SpeechQa.Pipeline.PipelineSettings), typeof(SpeechQa.Transcriber.TranscriberSettings), typeof(SpeechQa.Search.Elasticsearch.ElasticsearchSettings)),
        new(SpeechQa.Scoring.Text.JiebaDataFolder.EnvironmentVariable, null, "jieba 词典目录；默认程序旁的 jieba/ jieba's dictionary folder; default jieba/ beside the program"),
    ];

    public static string Text
    {
        get
        {
            var text = new StringBuilder("设置（环境变量，启动时检查） Settings (environment variables, checked at start):\n");
            foreach (var s in All)
                text.Append("  ").Append(s.Variable).Append(s.Default is null ? "" : $" [{s.Default}]").Append("\n      ").Append(s.Description).Append('\n');
            return text.ToString();
        }
    }
}
