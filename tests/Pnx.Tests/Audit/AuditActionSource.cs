using System.Text.RegularExpressions;

namespace Pnx.Tests.Audit;

/// <summary>
/// Reads the application's source for every action name an <c>AuditRecord</c> is made with: a literal (or the
/// branches of a conditional) in the action argument, or, when that argument is a parameter of the enclosing
/// method, whatever the callers of that method pass in its place, followed as far as it goes. An action argument
/// it cannot resolve is reported, never skipped.
/// </summary>
public static partial class AuditActionSource
{
    private sealed record SourceFile(string Path, string Code);

    public sealed record Scan(IReadOnlySet<string> Actions, IReadOnlyList<string> Unresolved);

    public static Scan Read(string sourceRoot)
    {
        var files = Directory.EnumerateFiles(sourceRoot, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal)
                        && !p.Contains("/Migrations/", StringComparison.Ordinal))
            .Select(p => new SourceFile(p, BlankComments(File.ReadAllText(p))))
            .ToList();
        var actions = new SortedSet<string>(StringComparer.Ordinal);
        var unresolved = new List<string>();
        foreach (var file in files)
        {
            foreach (Match creation in Creation().Matches(file.Code))
            {
                var args = Arguments(file.Code, creation.Index + creation.Length - 1);
                if (args.Count < 2)
                {
                    unresolved.Add($"{file.Path}: AuditRecord with fewer than two arguments");
                    continue;
                }

                Collect(args[1].Text, file, creation.Index + creation.Length, files, actions, unresolved, depth: 0);
            }
        }

        return new Scan(actions, unresolved);
    }

    private static void Collect(string expression, SourceFile file, int position, List<SourceFile> files, SortedSet<string> actions, List<string> unresolved, int depth)
    {
        var literals = Literal().Matches(expression).Select(m => m.Groups[1].Value).ToList();
        if (literals.Count > 0 && !expression.Contains("$\"", StringComparison.Ordinal))
        {
            actions.UnionWith(literals);
            return;
        }

        var identifier = expression.Trim();
        if (depth > 5 || !Identifier().IsMatch(identifier))
        {
            unresolved.Add($"{file.Path}: action argument `{identifier}`");
            return;
        }

        var declaration = Regex.Matches(file.Code[..position], $@"\b(\w+)\s*\(([^()]*\bstring\??\s+{identifier}\b[^()]*)\)").LastOrDefault();
        if (declaration is null)
        {
            unresolved.Add($"{file.Path}: `{identifier}` is not a string parameter of the enclosing method");
            return;
        }

        var name = declaration.Groups[1].Value;
        var parameters = SplitTopLevel(declaration.Groups[2].Value);
        var index = parameters.FindIndex(p => Regex.IsMatch(p, $@"\bstring\??\s+{identifier}\b"));
        var required = parameters.Count(p => !p.Contains('=', StringComparison.Ordinal));
        var header = file.Code[(Math.Max(file.Code.LastIndexOfAny([';', '{', '}'], declaration.Index), 0))..declaration.Index];
        var callers = header.Contains("private", StringComparison.Ordinal) ? [file] : files;
        var found = 0;
        foreach (var caller in callers)
        {
            foreach (Match call in Regex.Matches(caller.Code, $@"\b{name}\s*\("))
            {
                if (caller == file && call.Index == declaration.Groups[1].Index) continue;
                var args = Arguments(caller.Code, call.Index + call.Length - 1);
                if (args.Count < required || args.Count > parameters.Count || args.Count <= index) continue;
                found++;
                Collect(args[index].Text, caller, call.Index + call.Length, files, actions, unresolved, depth + 1);
            }
        }

        if (found == 0) unresolved.Add($"{file.Path}: no caller of {name} found for `{identifier}`");
    }

    private sealed record Argument(string Text);

    /// <summary>The top-level arguments of the call whose "(" is at <paramref name="open"/>.</summary>
    private static List<Argument> Arguments(string code, int open)
    {
        var args = new List<Argument>();
        var depth = 0;
        var start = open + 1;
        for (var i = open + 1; i < code.Length; i++)
        {
            var skipped = SkipLiteral(code, i);
            if (skipped > i)
            {
                i = skipped - 1;
                continue;
            }

            switch (code[i])
            {
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' when depth == 0:
                    var last = code[start..i];
                    if (args.Count > 0 || last.Trim().Length > 0) args.Add(new Argument(last));
                    return args;
                case ')' or ']' or '}':
                    depth--;
                    break;
                case ',' when depth == 0:
                    args.Add(new Argument(code[start..i]));
                    start = i + 1;
                    break;
            }
        }

        return args;
    }

    /// <summary>A parameter list split at commas outside generic brackets.</summary>
    private static List<string> SplitTopLevel(string list)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is '<' or '[') depth++;
            else if (list[i] is '>' or ']') depth--;
            else if (list[i] == ',' && depth == 0)
            {
                parts.Add(list[start..i]);
                start = i + 1;
            }
        }

        parts.Add(list[start..]);
        return parts;
    }

    /// <summary>The index after a string or char literal starting at <paramref name="i"/>, or <paramref name="i"/> when none starts there.</summary>
    private static int SkipLiteral(string code, int i)
    {
        var prefix = i;
        while (prefix < code.Length && code[prefix] is '$' or '@') prefix++;
        if (prefix >= code.Length) return i;
        if (code[prefix] == '\'' && prefix == i)
        {
            var end = code[i + 1] == '\\' ? code.IndexOf('\'', i + 3) : code.IndexOf('\'', i + 2);
            return end < 0 ? i : end + 1;
        }

        if (code[prefix] != '"') return i;
        if (prefix > i && !code[i..prefix].All(c => c is '$' or '@')) return i;
        if (i > 0 && (char.IsLetterOrDigit(code[i - 1]) || code[i - 1] == '_') && prefix > i) return i;
        if (string.CompareOrdinal(code, prefix, "\"\"\"", 0, 3) == 0)
        {
            var close = code.IndexOf("\"\"\"", prefix + 3, StringComparison.Ordinal);
            return close < 0 ? code.Length : close + 3;
        }

        var verbatim = code[i..prefix].Contains('@', StringComparison.Ordinal);
        var interpolated = code[i..prefix].Contains('$', StringComparison.Ordinal);
        for (var j = prefix + 1; j < code.Length; j++)
        {
            var c = code[j];
            if (!verbatim && c == '\\')
            {
                j++;
            }
            else if (c == '"')
            {
                if (verbatim && j + 1 < code.Length && code[j + 1] == '"') j++;
                else return j + 1;
            }
            else if (interpolated && c == '{')
            {
                if (j + 1 < code.Length && code[j + 1] == '{')
                {
                    j++;
                    continue;
                }

                j = SkipHole(code, j + 1) - 1;
            }
        }

        return code.Length;
    }

    /// <summary>The index after the "}" that closes an interpolation hole starting at <paramref name="i"/>.</summary>
    private static int SkipHole(string code, int i)
    {
        var depth = 0;
        for (var j = i; j < code.Length; j++)
        {
            var skipped = SkipLiteral(code, j);
            if (skipped > j)
            {
                j = skipped - 1;
                continue;
            }

            if (code[j] == '{') depth++;
            else if (code[j] == '}' && depth-- == 0) return j + 1;
        }

        return code.Length;
    }

    /// <summary>Comments replaced by spaces (strings kept), so commented-out code and prose never count.</summary>
    private static string BlankComments(string code)
    {
        var chars = code.ToCharArray();
        for (var i = 0; i < code.Length; i++)
        {
            var skipped = SkipLiteral(code, i);
            if (skipped > i)
            {
                i = skipped - 1;
                continue;
            }

            if (code[i] == '/' && i + 1 < code.Length && code[i + 1] is '/' or '*')
            {
                var end = code[i + 1] == '/' ? code.IndexOf('\n', i) : code.IndexOf("*/", i + 2, StringComparison.Ordinal) + 2;
                if (end <= 1) end = code.Length;
                for (var j = i; j < end; j++) if (chars[j] != '\n') chars[j] = ' ';
                i = end - 1;
            }
        }

        return new string(chars);
    }

    // "new AuditRecord(" and a target-typed "new(" that is the body of a method returning AuditRecord.
    [GeneratedRegex(@"\bnew\s+AuditRecord\s*\(|\bAuditRecord\s+\w+\s*\([^()]*\)\s*=>\s*new\s*\(")]
    private static partial Regex Creation();

    [GeneratedRegex("(?<![$@])\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex Literal();

    [GeneratedRegex(@"^[A-Za-z_]\w*$")]
    private static partial Regex Identifier();
}
