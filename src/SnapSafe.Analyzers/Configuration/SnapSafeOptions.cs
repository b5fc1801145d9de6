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
        public ConfigurationProblem(string key, string value, string reason)
        {
            Key = key;
            Value = value;
            Reason = reason;
        }

        public string Key { get; }

        public string Value { get; }

        public string Reason { get; }

        public bool Equals(ConfigurationProblem other) => Key == other.Key && Value == other.Value;

        public override bool Equals(object? obj) => obj is ConfigurationProblem other && Equals(other);

        public override int GetHashCode() => (Key.GetHashCode() * 397) ^ Value.GetHashCode();
    }

    /// <summary>
    /// SnapSafe's <c>.editorconfig</c>/<c>.globalconfig</c> keys, parsed in one place. Compilation-wide keys
    /// (handler types, extra APIs) are the union of what the global options and every tree's options say;
    /// <c>snapsafe.snapstart</c> is read per tree.
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

        private SnapSafeOptions(AnalyzerConfigOptionsProvider provider, ImmutableHashSet<string> handlerTypes, ImmutableHashSet<string> uniqueValueMethods, ImmutableHashSet<string> sensitiveTypes, ImmutableHashSet<string> secretMethods, ImmutableHashSet<string> connectionMethods)
        {
            _provider = provider;
            Problems = ImmutableArray<ConfigurationProblem>.Empty;
            SecretMethods = secretMethods;
            ConnectionMethods = connectionMethods;
            HandlerTypes = handlerTypes;
            UniqueValueMethods = uniqueValueMethods;
            SensitiveTypes = sensitiveTypes;
        }

        /// <summary>Values that could not be used, each once.</summary>
        public ImmutableArray<ConfigurationProblem> Problems { get; private set; }

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
            var problems = new HashSet<ConfigurationProblem>();
            var checkedOptions = new HashSet<AnalyzerConfigOptions>();
            Collect(provider.GlobalOptions, handlerTypes, uniqueValueMethods, sensitiveTypes, secretMethods, connectionMethods);
            Validate(provider.GlobalOptions, problems);
            foreach (var tree in compilation.SyntaxTrees)
            {
                var options = provider.GetOptions(tree);
                if (checkedOptions.Add(options))
                {
                    Collect(options, handlerTypes, uniqueValueMethods, sensitiveTypes, secretMethods, connectionMethods);
                    Validate(options, problems);
                }
            }

            var result = new SnapSafeOptions(provider, Clean(handlerTypes), Clean(uniqueValueMethods), Clean(sensitiveTypes), Clean(secretMethods), Clean(connectionMethods));
            result.Problems = problems.ToImmutableArray();
            return result;
        }

        private static ImmutableHashSet<string> Clean(ImmutableHashSet<string>.Builder values) => values.ToImmutable();

        /// <summary>Checks every snapsafe.* value a set of options holds.</summary>
        private static void Validate(AnalyzerConfigOptions options, HashSet<ConfigurationProblem> problems)
        {
            foreach (var key in options.Keys)
            {
                if (!key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || !options.TryGetValue(key, out var value))
                {
                    continue;
                }

                var known = Array.IndexOf(KnownKeys, key.ToLowerInvariant()) >= 0;
                if (!known)
                {
                    problems.Add(new ConfigurationProblem(key, value, "unknown key; the keys are " + string.Join(", ", KnownKeys)));
                    continue;
                }

                switch (key.ToLowerInvariant())
                {
                    case SnapStartKey:
                        if (!TryParseMode(value, out _))
                        {
                            problems.Add(new ConfigurationProblem(key, value, "expected auto, enabled or disabled; auto applies"));
                        }

                        break;

                    case HandlerTypesKey:
                    case SensitiveTypesKey:
                        foreach (var part in Split(value))
                        {
                            if (!IsTypeName(part))
                            {
                                problems.Add(new ConfigurationProblem(key, part, "expected a full type name such as MyCompany.Orders.Function; this entry is ignored"));
                            }
                        }

                        break;

                    default:
                        foreach (var part in Split(value))
                        {
                            if (!part.StartsWith("M:", StringComparison.Ordinal) || part.Length < 5)
                            {
                                problems.Add(new ConfigurationProblem(key, part, "expected a documentation-comment ID such as M:MyCo.Vault.Read(System.String); this entry is ignored"));
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
