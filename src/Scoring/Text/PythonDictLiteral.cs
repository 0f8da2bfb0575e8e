using System.Globalization;
using System.Text;

namespace SpeechQa.Scoring.Text;

/// <summary>
/// Reads the <c>P={...}</c> literal of jieba's finalseg/prob_*.py: nested dicts of quoted strings (with \uXXXX
/// escapes) to floats. Only that subset of Python, which is all these files use; anything else is an error
/// naming the file and offset.
/// </summary>
internal sealed class PythonDictLiteral
{
    private readonly string _text;
    private readonly string _source;
    private int _at;

    private PythonDictLiteral(string text, string source)
    {
        _text = text;
        _source = source;
    }

    public static Dictionary<string, object> ReadFile(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        var start = text.IndexOf("P=", StringComparison.Ordinal);
        if (start < 0)
            throw new JiebaDataException($"jieba 模型文件格式错误 {path}: no 'P=' assignment");
        var reader = new PythonDictLiteral(text, path) { _at = start + 2 };
        return reader.ReadDict();
    }

    private Dictionary<string, object> ReadDict()
    {
        Expect('{');
        var dict = new Dictionary<string, object>(StringComparer.Ordinal);
        while (true)
        {
            SkipSpace();
            if (Peek() == '}')
            {
                _at++;
                return dict;
            }
            var key = ReadString();
            Expect(':');
            SkipSpace();
            dict[key] = Peek() == '{' ? ReadDict() : ReadNumber();
            SkipSpace();
            if (Peek() == ',')
                _at++;
        }
    }

    private string ReadString()
    {
        SkipSpace();
        var quote = Peek();
        if (quote is not ('\'' or '"'))
            throw Error("a quoted string");
        _at++;
        var text = new StringBuilder();
        while (Peek() != quote)
        {
            var c = _text[_at++];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }
            var escape = _text[_at++];
            switch (escape)
            {
                case 'u':
                    text.Append((char)int.Parse(_text.AsSpan(_at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    _at += 4;
                    break;
                case 'U':
                    text.Append(char.ConvertFromUtf32(int.Parse(_text.AsSpan(_at, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                    _at += 8;
                    break;
                case '\\' or '\'' or '"':
                    text.Append(escape);
                    break;
                default:
                    throw Error($"a known escape (not \\{escape})");
            }
        }
        _at++;
        return text.ToString();
    }

    private double ReadNumber()
    {
        var start = _at;
        while (_at < _text.Length && (char.IsAsciiDigit(_text[_at]) || _text[_at] is '-' or '+' or '.' or 'e' or 'E'))
            _at++;
        if (!double.TryParse(_text.AsSpan(start, _at - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw Error("a number");
        return value;
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (Peek() != c)
            throw Error($"'{c}'");
        _at++;
    }

    private char Peek() => _at < _text.Length ? _text[_at] : throw Error("more text");

    private void SkipSpace()
    {
        while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
            _at++;
    }

    private JiebaDataException Error(string expected) =>
        new($"jieba 模型文件格式错误 malformed {_source} at offset {_at}: expected {expected}");
}
