"""Getting a plan out of VocPlan, and back in.

``pdf`` writes the plan document for the care record and the easy-read copy
for the person; ``json_plan``, ``fhir`` and ``importing`` carry the whole plan
as structured files. Each module is imported on its own, where it is used, so
importing this package loads nothing heavy (reportlab is only loaded when a
document is written).
"""
