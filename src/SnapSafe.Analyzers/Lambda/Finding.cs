using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>A hazard the init-phase model found, ready to be reported in the tree that holds it.</summary>
    internal sealed class Finding
    {
        public Finding(DiagnosticDescriptor rule, Location location, ImmutableArray<Location> additionalLocations, ImmutableDictionary<string, string?> properties, object[] messageArguments)
        {
            Rule = rule;
            Location = location;
            AdditionalLocations = additionalLocations;
            Properties = properties;
            MessageArguments = messageArguments;
        }

        public DiagnosticDescriptor Rule { get; }

        public Location Location { get; }

        public ImmutableArray<Location> AdditionalLocations { get; }

        public ImmutableDictionary<string, string?> Properties { get; }

        public object[] MessageArguments { get; }

        public Diagnostic ToDiagnostic()
            => Diagnostic.Create(Rule, Location, AdditionalLocations, Properties, MessageArguments);
    }
}
