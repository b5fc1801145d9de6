using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Deployment
{
    /// <summary>
    /// A view over the <see cref="DeploymentModel"/> for the init-phase rules: which of this compilation's handlers
    /// deploy without SnapStart (no SnapSafe diagnostics for them under <c>snapsafe.snapstart = auto</c>), and which
    /// types are handlers because a template's <c>Handler</c> (or <c>function-handler</c>) names them.
    /// </summary>
    internal sealed class SnapStartDeployment
    {
        private readonly Dictionary<string, bool> _byType;
        private readonly bool? _entryPoint;

        private SnapStartDeployment(Dictionary<string, bool> byType, bool? entryPoint)
        {
            _byType = byType;
            _entryPoint = entryPoint;
            var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            var anyOn = entryPoint == true;
            var anyOff = entryPoint == false;
            foreach (var pair in byType)
            {
                names.Add(pair.Key);
                anyOn |= pair.Value;
                anyOff |= !pair.Value;
            }

            HandlerTypeNames = names.ToImmutable();
            AllOff = anyOff && !anyOn;
            IsMixed = anyOff && anyOn;
        }

        /// <summary>Full names of types the templates deploy as handlers of this assembly.</summary>
        public ImmutableHashSet<string> HandlerTypeNames { get; }

        /// <summary>The templates deploy this assembly's functions, all without SnapStart.</summary>
        public bool AllOff { get; }

        /// <summary>Some of this assembly's functions deploy with SnapStart and some without.</summary>
        public bool IsMixed { get; }

        public static SnapStartDeployment Create(DeploymentModel model, Compilation compilation)
        {
            var byType = new Dictionary<string, bool>(StringComparer.Ordinal);
            bool? entryPoint = null;
            var assembly = compilation.AssemblyName ?? string.Empty;
            foreach (var function in model.Functions)
            {
                if (!function.HandlerFromProperty || function.Handler == null)
                {
                    continue;
                }

                var parts = function.Handler.Split(new[] { "::" }, StringSplitOptions.None);
                if (!string.Equals(parts[0].Trim(), assembly, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                // Unknown (an intrinsic function, an unexpected value) counts as on: SnapSafe never hides findings on a guess.
                var on = function.SnapStart != false;
                if (parts.Length == 1)
                {
                    entryPoint = (entryPoint ?? false) || on;
                }
                else if (parts.Length == 3)
                {
                    var type = parts[1].Trim();
                    byType[type] = (byType.TryGetValue(type, out var existing) && existing) || on;
                }
            }

            return new SnapStartDeployment(byType, entryPoint);
        }

        /// <summary>True when the templates deploy this origin (a handler type or the entry point) only without SnapStart.</summary>
        public bool IsOff(FindingOrigin origin)
        {
            if (origin.IsEntryPoint)
            {
                return _entryPoint == false;
            }

            var name = origin.TypeName;
            if (name == null)
            {
                return false;
            }

            if (_byType.TryGetValue(name, out var on))
            {
                return !on;
            }

            // Annotations deploys generated wrappers named <Class>_<Method>_Generated, one per function.
            var prefix = name + "_";
            bool? generated = null;
            foreach (var pair in _byType)
            {
                if (pair.Key.StartsWith(prefix, StringComparison.Ordinal) && pair.Key.EndsWith("_Generated", StringComparison.Ordinal))
                {
                    generated = (generated ?? false) || pair.Value;
                }
            }

            return generated == false;
        }
    }
}
