using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
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
                        findings.Add(TooLate(invocation, "code that runs after the runtime starts", HookHost.EntryPoint, runtimeStart));
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
                            // The fix moves it next to the registration of the hook it is in, which init makes.
                            findings.Add(TooLate(nested, "another hook", FixContract.HostOf(hook.Frame.Kind), runtimeStart: null));
                        }
                    }
                }
            }
        }

        private static Finding TooLate(IInvocationOperation registration, string where, HookHost host, SyntaxNode? runtimeStart)
        {
            var request = new FixRequest { Host = host, RuntimeStart = host == HookHost.EntryPoint && runtimeStart?.SyntaxTree == registration.Syntax.SyntaxTree ? runtimeStart.Span : null };
            var additional = host == HookHost.EntryPoint && runtimeStart != null
                ? ImmutableArray.Create(runtimeStart.GetLocation())
                : ImmutableArray<Location>.Empty;
            return new Finding(Descriptor, registration.Syntax.GetLocation(), additional, request.ToProperties(), new object[] { "SnapshotRestore." + registration.TargetMethod.Name, where });
        }
    }
}
