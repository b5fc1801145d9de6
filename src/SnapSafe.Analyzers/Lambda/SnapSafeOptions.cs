using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>How SnapStart is switched on for the code a tree holds (<c>snapsafe.snapstart</c>).</summary>
    internal enum SnapStartMode
    {
        Auto,
        Enabled,
        Disabled,
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

        private readonly AnalyzerConfigOptionsProvider _provider;

        private SnapSafeOptions(AnalyzerConfigOptionsProvider provider, ImmutableHashSet<string> handlerTypes, ImmutableHashSet<string> uniqueValueMethods, ImmutableHashSet<string> sensitiveTypes, ImmutableHashSet<string> secretMethods, ImmutableHashSet<string> connectionMethods)
        {
            _provider = provider;
            SecretMethods = secretMethods;
            ConnectionMethods = connectionMethods;
            HandlerTypes = handlerTypes;
            UniqueValueMethods = uniqueValueMethods;
            SensitiveTypes = sensitiveTypes;
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
            Collect(provider.GlobalOptions, handlerTypes, uniqueValueMethods, sensitiveTypes, secretMethods, connectionMethods);
            foreach (var tree in compilation.SyntaxTrees)
            {
                Collect(provider.GetOptions(tree), handlerTypes, uniqueValueMethods, sensitiveTypes, secretMethods, connectionMethods);
            }

            return new SnapSafeOptions(provider, handlerTypes.ToImmutable(), uniqueValueMethods.ToImmutable(), sensitiveTypes.ToImmutable(), secretMethods.ToImmutable(), connectionMethods.ToImmutable());
        }

        /// <summary>The <c>snapsafe.snapstart</c> value that applies to a tree (unknown values read as <c>auto</c>).</summary>
        public SnapStartMode SnapStartFor(SyntaxTree tree)
        {
            if (!_provider.GetOptions(tree).TryGetValue(SnapStartKey, out var value)
                && !_provider.GlobalOptions.TryGetValue(SnapStartKey, out value))
            {
                return SnapStartMode.Auto;
            }

            switch (value.Trim().ToLowerInvariant())
            {
                case "disabled":
                case "false":
                case "off":
                    return SnapStartMode.Disabled;
                case "enabled":
                case "true":
                case "on":
                    return SnapStartMode.Enabled;
                default:
                    return SnapStartMode.Auto;
            }
        }

        private static void Collect(AnalyzerConfigOptions options, ImmutableHashSet<string>.Builder handlerTypes, ImmutableHashSet<string>.Builder uniqueValueMethods, ImmutableHashSet<string>.Builder sensitiveTypes, ImmutableHashSet<string>.Builder secretMethods, ImmutableHashSet<string>.Builder connectionMethods)
        {
            AddList(options, SecretMethodsKey, secretMethods);
            AddList(options, ConnectionMethodsKey, connectionMethods);
            AddList(options, HandlerTypesKey, handlerTypes);
            AddList(options, UniqueValueMethodsKey, uniqueValueMethods);
            AddList(options, SensitiveTypesKey, sensitiveTypes);
        }

        private static void AddList(AnalyzerConfigOptions options, string key, ImmutableHashSet<string>.Builder target)
        {
            if (!options.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
            {
                return;
            }

            foreach (var part in value.Split(','))
            {
                var name = part.Trim();
                if (name.Length > 0)
                {
                    target.Add(name.StartsWith("global::", StringComparison.Ordinal) ? name.Substring("global::".Length) : name);
                }
            }
        }
    }
}
