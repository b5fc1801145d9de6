using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SnapSafe.Analyzers.Configuration
{
    /// <summary>How SnapStart is switched on for the code a tree holds (<c>snapsafe.snapstart</c>).</summary>
    internal enum SnapStartMode
    {
        Auto,
        Enabled,
        Disabled,
    }

    /// <summary>A configuration value SnapSafe cannot use (reported as SNAP900).</summary>
    internal readonly struct ConfigurationProblem : IEquatable<ConfigurationProblem>
    {
        public ConfigurationProblem(string key, string value, string reason, SyntaxTree? tree)
        {
            Key = key;
            Value = value;
            Reason = reason;
            Tree = tree;
        }

        public string Key { get; }

        public string Value { get; }

        public string Reason { get; }

        /// <summary>
        /// The source file the problem is reported on: the first one (in compilation order, generated code left out)
        /// whose options carry the value, or the first one of the compilation for a <c>.globalconfig</c> value. Null
        /// when the compilation has no such file.
        /// </summary>
        public SyntaxTree? Tree { get; }

        public bool Equals(ConfigurationProblem other) => Key == other.Key && Value == other.Value;

        public override bool Equals(object? obj) => obj is ConfigurationProblem other && Equals(other);

        public override int GetHashCode() => (Key.GetHashCode() * 397) ^ Value.GetHashCode();
    }

    /// <summary>
    /// SnapSafe's <c>.editorconfig</c>/<c>.globalconfig</c> keys, parsed in one place. Compilation-wide keys
    /// (handler types, extra APIs) are the union of what the global options and every tree's options say;
    /// <c>snapsafe.snapstart</c> is read per tree. Values are checked (<see cref="Problems"/>) only when asked: a project
    /// SnapSafe leaves alone pays for reading the keys, not for checking them.
    /// </summary>
    internal sealed class SnapSafeOptions
    {
        public const string HandlerTypesKey = "snapsafe.handler_types";
        public const string SnapStartKey = "snapsafe.snapstart";
        public const string UniqueValueMethodsKey = "snapsafe.unique_value_methods";
        public const string SensitiveTypesKey = "snapsafe.sensitive_types";
        public const string SecretMethodsKey = "snapsafe.secret_methods";
        public const string ConnectionMethodsKey = "snapsafe.connection_methods";

        private const string Prefix = "snapsafe.";
        private static readonly string[] KnownKeys =
        {
            HandlerTypesKey, SnapStartKey, UniqueValueMethodsKey, SensitiveTypesKey, SecretMethodsKey, ConnectionMethodsKey,
        };

        private readonly AnalyzerConfigOptionsProvider _provider;
        private readonly Compilation _compilation;

        /// <summary>Each distinct set of per-tree options, with the trees it applies to, in compilation order.</summary>
        private readonly List<(AnalyzerConfigOptions Options, List<SyntaxTree> Trees)> _treeOptions;
        private ImmutableArray<ConfigurationProblem> _problems;

        private SnapSafeOptions(AnalyzerConfigOptionsProvider provider, Compilation compilation, List<(AnalyzerConfigOptions Options, List<SyntaxTree> Trees)> treeOptions, ImmutableHashSet<string> handlerTypes, ImmutableHashSet<string> uniqueValueMethods, ImmutableHashSet<string> sensitiveTypes, ImmutableHashSet<string> secretMethods, ImmutableHashSet<string> connectionMethods)
        {
            _provider = provider;
            _compilation = compilation;
            _treeOptions = treeOptions;
            SecretMethods = secretMethods;
            ConnectionMethods = connectionMethods;
            HandlerTypes = handlerTypes;
            UniqueValueMethods = uniqueValueMethods;
            SensitiveTypes = sensitiveTypes;
        }

        /// <summary>Values that could not be used, each once, checked on first use.</summary>
        public ImmutableArray<ConfigurationProblem> Problems
        {
            get
            {
                if (_problems.IsDefault)
                {
                    ImmutableInterlocked.InterlockedInitialize(ref _problems, Validate());
                }

                return _problems;
            }
        }

        /// <summary>Full type names (<c>Namespace.Type</c>) that are Lambda handlers even without <c>ILambdaContext</c>.</summary>
        public ImmutableHashSet<string> HandlerTypes { get; }

        /// <summary>Documentation-comment IDs of extra methods whose results are unique values (SNAP002).</summary>
        public ImmutableHashSet<string> UniqueValueMethods { get; }

        /// <summary>Documentation-comment IDs of extra methods that fetch secrets (SNAP020).</summary>
        public ImmutableHashSet<string> SecretMethods { get; }

        /// <summary>Documentation-comment IDs of extra methods that open connections (SNAP010).</summary>
        public ImmutableHashSet<string> ConnectionMethods { get; }

        /// <summary>Full type names whose instances must be refreshed after every restore (SNAP043).</summary>
        public ImmutableHashSet<string> SensitiveTypes { get; }

        public static SnapSafeOptions Create(Compilation compilation, AnalyzerConfigOptionsProvider provider)
        {
            var handlerTypes = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            var uniqueValueMethods = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            var sensitiveTypes = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            var secretMethods = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            var connectionMethods = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            var treeOptions = new List<(AnalyzerConfigOptions Options, List<SyntaxTree> Trees)>();
            var indexOf = new Dictionary<AnalyzerConfigOptions, int>();
            Collect(provider.GlobalOptions, handlerTypes, uniqueValueMethods, sensitiveTypes, secretMethods, connectionMethods);
            foreach (var tree in compilation.SyntaxTrees)
            {
                var options = provider.GetOptions(tree);
                if (indexOf.TryGetValue(options, out var index))
                {
                    treeOptions[index].Trees.Add(tree);
                    continue;
                }

                indexOf.Add(options, treeOptions.Count);
                treeOptions.Add((options, new List<SyntaxTree> { tree }));
                Collect(options, handlerTypes, uniqueValueMethods, sensitiveTypes, secretMethods, connectionMethods);
            }

            return new SnapSafeOptions(provider, compilation, treeOptions, Clean(handlerTypes), Clean(uniqueValueMethods), Clean(sensitiveTypes), Clean(secretMethods), Clean(connectionMethods));
        }

        private static ImmutableHashSet<string> Clean(ImmutableHashSet<string>.Builder values) => values.ToImmutable();

        /// <summary>
        /// Every problem once, with the file it is reported on: <c>.globalconfig</c> values first (on the first file of
        /// the compilation), then each set of per-file options in compilation order (on the first file it applies to).
        /// Generated files are passed over: SnapSafe reports nothing in generated code.
        /// </summary>
        private ImmutableArray<ConfigurationProblem> Validate()
        {
            var problems = new List<ConfigurationProblem>();
            var seen = new HashSet<ConfigurationProblem>();
            SyntaxTree? first = null;
            foreach (var tree in _compilation.SyntaxTrees)
            {
                if (!GeneratedCode.IsGenerated(tree, _provider.GetOptions(tree)))
                {
                    first = tree;
                    break;
                }
            }

            Validate(_provider.GlobalOptions, first, problems, seen);
            foreach (var (options, trees) in _treeOptions)
            {
                SyntaxTree? target = null;
                foreach (var tree in trees)
                {
                    if (!GeneratedCode.IsGenerated(tree, options))
                    {
                        target = tree;
                        break;
                    }
                }

                // Options that apply to generated files only are reported where a user can see them.
                Validate(options, target ?? first, problems, seen);
            }

            return problems.ToImmutableArray();
        }

        /// <summary>Checks every snapsafe.* value a set of options holds.</summary>
        private static void Validate(AnalyzerConfigOptions options, SyntaxTree? tree, List<ConfigurationProblem> problems, HashSet<ConfigurationProblem> seen)
        {
            void Add(string key, string value, string reason)
            {
                var problem = new ConfigurationProblem(key, value, reason, tree);
                if (seen.Add(problem))
                {
                    problems.Add(problem);
                }
            }

            foreach (var key in options.Keys)
            {
                if (!key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || !options.TryGetValue(key, out var value))
                {
                    continue;
                }

                var known = Array.IndexOf(KnownKeys, key.ToLowerInvariant()) >= 0;
                if (!known)
                {
                    Add(key, value, "unknown key; the keys are " + string.Join(", ", KnownKeys));
                    continue;
                }

                switch (key.ToLowerInvariant())
                {
                    case SnapStartKey:
                        if (!TryParseMode(value, out _))
                        {
                            Add(key, value, "expected auto, enabled or disabled; auto applies");
                        }

                        break;

                    case HandlerTypesKey:
                    case SensitiveTypesKey:
                        foreach (var part in Split(value))
                        {
                            if (!IsTypeName(part))
                            {
                                Add(key, part, "expected a full type name such as MyCompany.Orders.Function; this entry is ignored");
                            }
                        }

                        break;

                    default:
                        foreach (var part in Split(value))
                        {
                            if (!part.StartsWith("M:", StringComparison.Ordinal) || part.Length < 5)
                            {
                                Add(key, part, "expected a documentation-comment ID such as M:MyCo.Vault.Read(System.String); this entry is ignored");
                            }
                        }

                        break;
                }
            }
        }

        /// <summary>
        /// The entries of a comma-separated list. Commas inside parentheses, brackets and braces belong to the entry
        /// (<c>M:MyCo.Broker.Connect(System.String,System.Int32)</c>); whitespace is dropped, since neither type names
        /// nor documentation-comment IDs contain any.
        /// </summary>
        private static IEnumerable<string> Split(string value)
        {
            var depth = 0;
            var current = new System.Text.StringBuilder();
            foreach (var c in value)
            {
                switch (c)
                {
                    case '(':
                    case '[':
                    case '{':
                        depth++;
                        break;
                    case ')':
                    case ']':
                    case '}':
                        depth = Math.Max(0, depth - 1);
                        break;
                    case ',' when depth == 0:
                        if (current.Length > 0)
                        {
                            yield return current.ToString();
                            current.Clear();
                        }

                        continue;
                }

                if (!char.IsWhiteSpace(c))
                {
                    current.Append(c);
                }
            }

            if (current.Length > 0)
            {
                yield return current.ToString();
            }
        }

        private static bool IsTypeName(string name)
        {
            if (name.StartsWith("global::", StringComparison.Ordinal))
            {
                name = name.Substring("global::".Length);
            }

            var expectStart = true;
            foreach (var c in name)
            {
                if (expectStart)
                {
                    if (!(char.IsLetter(c) || c == '_'))
                    {
                        return false;
                    }

                    expectStart = false;
                }
                else if (c == '.' || c == '+')
                {
                    expectStart = true;
                }
                else if (!(char.IsLetterOrDigit(c) || c == '_' || c == '`'))
                {
                    return false;
                }
            }

            return !expectStart;
        }

        /// <summary>The <c>snapsafe.snapstart</c> value that applies to a tree (unknown values read as <c>auto</c>).</summary>
        public SnapStartMode SnapStartFor(SyntaxTree tree)
        {
            if (!_provider.GetOptions(tree).TryGetValue(SnapStartKey, out var value)
                && !_provider.GlobalOptions.TryGetValue(SnapStartKey, out value))
            {
                return SnapStartMode.Auto;
            }

            return TryParseMode(value, out var mode) ? mode : SnapStartMode.Auto;
        }

        /// <summary>
        /// The <c>snapsafe.snapstart</c> value that applies to a deployment file: the sections that match its path,
        /// then the global options; when neither sets it, the file follows the project's C# files: <c>disabled</c>
        /// when every one of them is.
        /// </summary>
        public SnapStartMode SnapStartFor(AdditionalText file, Compilation compilation)
        {
            if (_provider.GetOptions(file).TryGetValue(SnapStartKey, out var value)
                || _provider.GlobalOptions.TryGetValue(SnapStartKey, out value))
            {
                return TryParseMode(value, out var mode) ? mode : SnapStartMode.Auto;
            }

            var any = false;
            foreach (var tree in compilation.SyntaxTrees)
            {
                any = true;
                if (SnapStartFor(tree) != SnapStartMode.Disabled)
                {
                    return SnapStartMode.Auto;
                }
            }

            return any ? SnapStartMode.Disabled : SnapStartMode.Auto;
        }

        private static bool TryParseMode(string value, out SnapStartMode mode)
        {
            switch (value.Trim().ToLowerInvariant())
            {
                case "disabled":
                    mode = SnapStartMode.Disabled;
                    return true;
                case "enabled":
                    mode = SnapStartMode.Enabled;
                    return true;
                case "auto":
                    mode = SnapStartMode.Auto;
                    return true;
                default:
                    mode = SnapStartMode.Auto;
                    return false;
            }
        }

        private static void Collect(AnalyzerConfigOptions options, ImmutableHashSet<string>.Builder handlerTypes, ImmutableHashSet<string>.Builder uniqueValueMethods, ImmutableHashSet<string>.Builder sensitiveTypes, ImmutableHashSet<string>.Builder secretMethods, ImmutableHashSet<string>.Builder connectionMethods)
        {
            AddList(options, SecretMethodsKey, secretMethods);
            AddList(options, ConnectionMethodsKey, connectionMethods);
            AddList(options, HandlerTypesKey, handlerTypes, typeNames: true);
            AddList(options, UniqueValueMethodsKey, uniqueValueMethods);
            AddList(options, SensitiveTypesKey, sensitiveTypes, typeNames: true);
        }

        private static void AddList(AnalyzerConfigOptions options, string key, ImmutableHashSet<string>.Builder target, bool typeNames = false)
        {
            if (!options.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
            {
                return;
            }

            foreach (var entry in Split(value))
            {
                var name = entry.StartsWith("global::", StringComparison.Ordinal) ? entry.Substring("global::".Length) : entry;
                target.Add(typeNames ? WithoutArity(name) : name);
            }
        }

        /// <summary>A type name without generic arity (<c>MyCo.Cache`1</c> is listed as <c>MyCo.Cache</c>), as types are matched.</summary>
        private static string WithoutArity(string name)
        {
            if (name.IndexOf('`') < 0)
            {
                return name;
            }

            var result = new System.Text.StringBuilder(name.Length);
            for (var i = 0; i < name.Length; i++)
            {
                if (name[i] == '`')
                {
                    while (i + 1 < name.Length && char.IsDigit(name[i + 1]))
                    {
                        i++;
                    }

                    continue;
                }

                result.Append(name[i]);
            }

            return result.ToString();
        }
    }
}
