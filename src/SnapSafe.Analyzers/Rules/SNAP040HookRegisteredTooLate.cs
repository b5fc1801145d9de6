using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>
    /// SNAP040: a hook registration the runtime never runs: made from invocation code (handler methods, handler
    /// delegates, endpoint lambdas) and not from init, after the statement that starts the runtime, or inside another
    /// hook (the queues are drained by then).
    /// </summary>
    internal sealed class SNAP040HookRegisteredTooLate : IModelRule
    {
        public static readonly SNAP040HookRegisteredTooLate Instance = new SNAP040HookRegisteredTooLate();

        private SNAP040HookRegisteredTooLate()
        {
        }

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP040HookRegisteredTooLate;

        public void Find(InitPhase phase, ICollection<Finding> findings)
        {
            var types = phase.Types;
            if (types.SnapshotRestore == null)
            {
                return;
            }

            var runtimeStart = phase.Models.RuntimeStart;

            // Registrations in invocation code that init never makes.
            foreach (var registration in phase.InvocationReach.Registrations)
            {
                if (!phase.Hooks.IsMadeDuringInit(registration.Key))
                {
                    findings.Add(TooLate(registration.Key, registration.Value, phase.Models.HookHostFor(registration.Key), runtimeStart));
                }
            }

            // Registrations after the runtime starts.
            if (runtimeStart != null && phase.Models.EntryPointStart.Body is { } entryBody)
            {
                foreach (var operation in entryBody.Descendants())
                {
                    if (operation is IInvocationOperation invocation && invocation.Syntax.SpanStart > runtimeStart.Span.End
                        && HookRegistrations.IsRegistration(invocation, types, out _) && !OperationFacts.IsInsideClosure(operation))
                    {
                        findings.Add(TooLate(invocation, "code that runs after the runtime starts", HookHosts.EntryPoint, runtimeStart));
                    }
                }
            }

            // A registration inside a hook runs after the queues were drained.
            foreach (var hook in phase.Hooks.All)
            {
                foreach (var body in hook.Bodies)
                {
                    foreach (var operation in body.Descendants())
                    {
                        if (operation is IInvocationOperation nested && HookRegistrations.IsRegistration(nested, types, out _))
                        {
                            findings.Add(TooLate(nested, "another hook", host: null, runtimeStart));
                        }
                    }
                }
            }
        }

        private static Finding TooLate(IInvocationOperation registration, string where, string? host, SyntaxNode? runtimeStart)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            var fixable = host != null && registration.Syntax.Parent is ExpressionStatementSyntax && ArgumentIsSelfContained(registration);
            properties[FixProperties.Host] = host;
            properties[FixProperties.Fixable] = fixable ? "true" : "false";
            var additional = host == HookHosts.EntryPoint && runtimeStart != null
                ? ImmutableArray.Create(runtimeStart.GetLocation())
                : ImmutableArray<Location>.Empty;
            return new Finding(Descriptor, registration.Syntax.GetLocation(), additional, properties.ToImmutable(), new object[] { "SnapshotRestore." + registration.TargetMethod.Name, where });
        }

        /// <summary>The registered hook uses no local or parameter of the code around it (it can move as it is).</summary>
        private static bool ArgumentIsSelfContained(IInvocationOperation registration)
        {
            if (registration.Arguments.Length == 0)
            {
                return false;
            }

            var argument = registration.Arguments[0].Value;
            var span = argument.Syntax.Span;
            foreach (var operation in argument.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case ILocalReferenceOperation local:
                        var declared = local.Local.DeclaringSyntaxReferences;
                        if (declared.Length == 0 || !span.Contains(declared[0].Span))
                        {
                            return false;
                        }

                        break;
                    case IParameterReferenceOperation parameter when !span.Contains(parameter.Parameter.Locations.Length > 0 ? parameter.Parameter.Locations[0].SourceSpan : default):
                        return false;
                }
            }

            return true;
        }
    }
}
